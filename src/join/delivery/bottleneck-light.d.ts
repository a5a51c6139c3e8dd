// Bottleneck ships types for its full build only; light.js (what @octokit/plugin-throttling itself
// loads) has the same API without the Redis clustering code.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
