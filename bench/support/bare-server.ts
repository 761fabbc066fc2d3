// The baseline for bench/cold-start.ts: the same runtime and framework, serving one static page.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.html('<!doctype html><html lang="da"><title>Basis</title><h1>Basis</h1></html>'));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
process.on('SIGTERM', () => process.exit(0));
