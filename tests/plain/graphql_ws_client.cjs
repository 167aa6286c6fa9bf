// The graphql-ws npm client, as a browser or a Node service would use it: connects with an API key,
// subscribes to one document and prints each event as one JSON line on stdout (`connected`, `next`,
// `error`, `complete`). Run by tests/plain with NODE_PATH naming the node_modules it was installed in.
"use strict";

const { createClient } = require("graphql-ws");
const WebSocket = require("ws");

const [url, key, query] = process.argv.slice(2);
const print = (event) => process.stdout.write(JSON.stringify(event) + "\n");
const describe = (error) =>
  error && error.code !== undefined ? `close ${error.code}: ${error.reason}` : String(error && error.message ? error.message : JSON.stringify(error));

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${key}` },
  lazy: false,
  retryAttempts: 0,
  on: { connected: () => print({ event: "connected" }) },
});

client.subscribe(
  { query },
  {
    next: (value) => print({ event: "next", value }),
    error: (error) => {
      print({ event: "error", error: describe(error) });
      process.exit(1);
    },
    complete: () => {
      print({ event: "complete" });
      process.exit(0);
    },
  },
);
