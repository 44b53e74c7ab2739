// A Yjs client (y-websocket) that joins `paja serve --insecure-loopback`, waits for a
// card written by a Paja peer, and writes one of its own into the "workshop" root map
// the way Paja lays it out: boards > board > cards > card, with `text` as a Y.Text.
// Usage: node interop.mjs PORT CODE BOARD_ID EXPECTED_TEXT NEW_TEXT
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'

const [port, code, boardId, expected, newText] = process.argv.slice(2)
const doc = new Y.Doc()
const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, 'content', doc, {
  WebSocketPolyfill: WebSocket,
  params: { code, name: 'yjs' },
  disableBc: true,
})
const root = doc.getMap('workshop')
const cards = () => root.get('boards')?.get(boardId)?.get('cards')
const texts = () => [...(cards()?.values() ?? [])].map((c) => c.get('text')?.toString())

const deadline = setTimeout(() => {
  console.log(JSON.stringify({ error: 'timed out', texts: texts() }))
  process.exit(1)
}, 60000)

function writeCard() {
  const id = `yjs-${Date.now()}`
  doc.transact(() => {
    const card = new Y.Map()
    cards().set(id, card)
    card.set('id', id)
    const text = new Y.Text()
    card.set('text', text)
    text.insert(0, newText)
    card.set('color', 'blue')
    const pos = new Y.Map()
    card.set('pos', pos)
    pos.set('x', 10)
    pos.set('y', 20)
  })
}

const check = () => {
  if (!texts().includes(expected)) return
  root.unobserveDeep(check)
  writeCard()
  // Give the update time to leave before closing.
  setTimeout(() => {
    console.log(JSON.stringify({ saw: expected, texts: texts() }))
    clearTimeout(deadline)
    provider.destroy()
    process.exit(0)
  }, 1000)
}
root.observeDeep(check)
provider.on('sync', (synced) => synced && check())
