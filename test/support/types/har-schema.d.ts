/** har-schema ships JSON Schemas (one per HAR 1.2 object, by name) without types. */
declare module 'har-schema' {
  const schemas: Record<string, { $id: string }>
  export default schemas
}
