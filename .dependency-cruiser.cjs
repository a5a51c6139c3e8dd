/**
 * Dependency rules, generated from architecture.json (the rooms and what each may import), so
 * ARCHITECTURE.md, this file and the code cannot drift apart: `npm test` runs
 * `depcruise --config .dependency-cruiser.cjs src netlify scripts admin` and any back-edge or cycle fails it.
 * https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
 */
const { rooms } = require('./architecture.json');

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const entries = Object.entries(rooms);
const roomPaths = entries.map(([, r]) => `^${escape(r.path)}/`);

const forbidden = [
  {
    name: 'no-cycle',
    severity: 'error',
    comment: 'Modules that import each other, directly or round about, cannot be understood or tested one at a time.',
    from: {},
    to: { circular: true },
  },
  {
    name: 'src-stands-alone',
    severity: 'error',
    comment: 'Library code never reaches into doors, tests, benchmarks or the repository beside it.',
    from: { path: '^src/' },
    to: { path: '^(test|bench|scripts|netlify|admin)/|^\\.\\./' },
  },
  {
    name: 'join-layers',
    severity: 'error',
    comment: "The join's intake, store and delivery know nothing of its pages and HTTP endpoints.",
    from: { path: '^src/join/(intake|store|delivery)/' },
    to: { path: '^src/join/(pages|endpoints)/' },
  },
  ...entries.map(([name, room]) => {
    const allowed = new Set([name, ...room.mayImport]);
    const others = entries.filter(([other]) => !allowed.has(other)).map(([, r]) => `^${escape(r.path)}/`);
    return {
      name: `room-${name}`,
      severity: 'error',
      comment: `${room.path} may import only: ${room.mayImport.join(', ') || 'nothing else in the project'} (architecture.json)`,
      from: { path: `^${escape(room.path)}/` },
      to: { path: others.length ? others.join('|') : '^$' },
    };
  }),
  {
    name: 'no-unknown-room',
    severity: 'error',
    comment: 'Every folder under src/ is a room declared in architecture.json.',
    from: {},
    to: { path: '^src/', pathNot: roomPaths.filter((p) => p.startsWith('^src')).join('|') },
  },
];

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|generated|\\.netlify)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.js', '.mjs', '.json'] },
  },
};
