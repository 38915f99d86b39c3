export function greet(name) {
  return `hello, ${name}`
}
//# sourceMappingURL=index.js.map
