// Preloaded with --require to make @stoplight/prism-cli unresolvable, as on a machine where it is not installed.
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@stoplight/prism-cli' || request.startsWith('@stoplight/prism-cli/')) {
    throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
  }
  return resolve.call(this, request, ...rest);
};
