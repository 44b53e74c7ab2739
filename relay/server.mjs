// The regional server Paja hubs relay their published workshops to: Hocuspocus
// with its SQLite persistence, served over TLS, authenticating from a tokens file.
//
//   node relay/server.mjs --port 443 --db relay.sqlite --tokens tokens.json \
//     --cert cert.pem --key key.pem [--host 0.0.0.0]
//
// The tokens file maps each token to the documents it opens and its access:
//   { "TOKEN": { "documents": ["ryhma-1"] | ["*"], "access": "write" | "read" } }
// It is read again on every authentication, so adding a token needs no restart.
// When it changes, connections whose token no longer grants their document (or
// grants it with other access) are closed; the client's reconnect meets the new
// file. Prints `listening PORT` on stdout once it accepts connections.

import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import { Server } from "@hocuspocus/server";
import { SQLite } from "@hocuspocus/extension-sqlite";

const USAGE =
  "usage: node relay/server.mjs --port PORT --db FILE.sqlite --tokens TOKENS.json --cert CERT.pem --key KEY.pem [--host ADDRESS]";

class BadStart extends Error {}

function parseArgs(argv) {
  const known = new Set(["--port", "--db", "--tokens", "--cert", "--key", "--host"]);
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!known.has(flag)) throw new BadStart(`Unknown argument ${flag}; ${USAGE}`);
    if (value === undefined) throw new BadStart(`${flag} needs a value; ${USAGE}`);
    args[flag.slice(2)] = value;
  }
  for (const need of ["port", "db", "tokens", "cert", "key"]) {
    if (!(need in args)) throw new BadStart(`--${need} is missing; ${USAGE}`);
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new BadStart(`--port must be a port number from 0 to 65535, not ${args.port}.`);
  }
  return { ...args, port, host: args.host ?? "0.0.0.0" };
}

function readFile(file, what) {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new BadStart(`Cannot read the ${what} ${file}: ${error.message}.`);
  }
}

// The tokens file as a Map of token -> { documents, access }, or a BadStart
// saying what is wrong with it.
function readTokens(file) {
  let parsed;
  try {
    parsed = JSON.parse(readFile(file, "tokens file").toString("utf8"));
  } catch (error) {
    if (error instanceof BadStart) throw error;
    throw new BadStart(`The tokens file ${file} is not JSON: ${error.message}.`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new BadStart(`The tokens file ${file} must be an object of tokens.`);
  }
  const tokens = new Map();
  for (const [token, grant] of Object.entries(parsed)) {
    const documents = grant?.documents;
    const fine =
      Array.isArray(documents) &&
      documents.every((name) => typeof name === "string") &&
      (grant.access === "write" || grant.access === "read");
    if (!fine) {
      throw new BadStart(
        `In the tokens file ${file}, each token needs "documents" (a list of names or ["*"]) and "access" ("write" or "read").`,
      );
    }
    tokens.set(token, { documents, access: grant.access });
  }
  return tokens;
}

// Why the token may not open the document, or null when it may.
function refusal(tokens, token, documentName) {
  const grant = tokens.get(token);
  if (!grant) return "unknown token";
  if (!grant.documents.includes("*") && !grant.documents.includes(documentName)) {
    return `the token does not open the document ${documentName}`;
  }
  return null;
}

function refuse(reason) {
  return Object.assign(new Error(reason), { reason });
}

// The current tokens; a file made unreadable while running refuses everyone
// (and says so on stderr) until it is fixed.
function currentTokens(file) {
  try {
    return readTokens(file);
  } catch (error) {
    console.error(error.message);
    return new Map();
  }
}

function hocuspocus(args) {
  return new Server({
    quiet: true,
    stopOnSignals: false,
    extensions: [new SQLite({ database: args.db })],
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const tokens = currentTokens(args.tokens);
      const why = refusal(tokens, token, documentName);
      if (why) {
        console.error(`refused a connection to ${documentName}: ${why}`);
        throw refuse(why);
      }
      connectionConfig.readOnly = tokens.get(token).access === "read";
      return { token };
    },
    // A connection authenticated just before the file changed is checked again
    // once it is set up, so a revocation cannot slip between the two.
    async connected({ connection }) {
      closeRevoked(currentTokens(args.tokens), [connection]);
    },
  });
}

function connections(server) {
  const all = [];
  for (const document of server.hocuspocus.documents.values()) {
    all.push(...document.connections.keys());
  }
  return all;
}

// Closes the connections whose token no longer opens their document with the
// access they were given; the whole socket goes, so the client reconnects and
// meets the new file.
function closeRevoked(tokens, list) {
  for (const connection of list) {
    const token = connection.context?.token;
    const documentName = connection.document.name;
    const why =
      refusal(tokens, token, documentName) ??
      ((tokens.get(token).access === "read") !== connection.readOnly ? "the token's access changed" : null);
    if (!why) continue;
    console.error(`closed a connection to ${documentName}: ${why}`);
    // A close frame's reason is short (123 bytes at most), so the detail stays in the log.
    connection.close({ code: 4403, reason: "token revoked" });
    connection.webSocket.close(4403, "token revoked");
  }
}

// Watches the tokens file's folder, so a file replaced by a rename counts too.
function watchTokens(server, file) {
  let timer = null;
  const recheck = () => {
    clearTimeout(timer);
    timer = setTimeout(() => closeRevoked(currentTokens(file), connections(server)), 20);
  };
  fs.watch(path.dirname(path.resolve(file)), (_event, name) => {
    if (!name || name === path.basename(file)) recheck();
  });
}

function checkDatabase(file) {
  try {
    fs.closeSync(fs.openSync(file, "a"));
  } catch (error) {
    throw new BadStart(`Cannot open the database file ${file}: ${error.message}.`);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const tls = { cert: readFile(args.cert, "certificate"), key: readFile(args.key, "key") };
  readTokens(args.tokens);
  checkDatabase(args.db);
  let web;
  try {
    web = https.createServer(tls, (_request, response) => {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end("Paja relay (Hocuspocus)\n");
    });
  } catch (error) {
    throw new BadStart(`The certificate and key do not make a TLS server: ${error.message}.`);
  }
  const server = hocuspocus(args);
  web.on("upgrade", (request, socket, head) => {
    server.httpServer.emit("upgrade", request, socket, head);
  });
  watchTokens(server, args.tokens);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, async () => {
      web.close();
      await server.destroy();
      process.exit(0);
    });
  }
  web.on("error", (error) => {
    console.error(`Cannot listen on ${args.host}:${args.port}: ${error.message}.`);
    process.exit(2);
  });
  web.listen(args.port, args.host, () => {
    console.log(`listening ${web.address().port}`);
  });
}

main().catch((error) => {
  if (!(error instanceof BadStart)) throw error;
  console.error(error.message);
  process.exit(2);
});
