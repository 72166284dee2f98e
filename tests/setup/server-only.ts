// vitest.config.ts aliases 'server-only' here: outside Next's react-server build the package throws on import.
export {}
