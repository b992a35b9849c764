// Appended inside the module factory (emcc --post-js), so every consumer of
// createMlpModule() gets the same error behaviour with no code of its own.
//
// C++ never throws into JavaScript (bindings/guard.hpp): a failed call
// catches in C++, records its message and field through mlpRecordError and
// returns normally, so every destructor has run and every argument handle is
// released. Each Embind function, method and constructor is wrapped here to
// throw that record as an MlpError (bindings/mlp-error.extern.js) on return.
// Written in ES5: this file goes through Emscripten's JS optimizer.

var mlpPendingError = null;

function mlpRecordError(message, field) {
  mlpPendingError = { message: message, field: field === '' ? null : field };
}

function mlpThrowPending() {
  var e = mlpPendingError;
  mlpPendingError = null;
  if (e !== null) throw new MlpError(e.message, e.field);
}

function mlpChecked(fn) {
  var checked = function () {
    mlpPendingError = null;
    var result = fn.apply(this, arguments);
    mlpThrowPending();
    return result;
  };
  // Embind's dispatcher for a name registered with several arities (e.g.
  // benchSeedMlp) looks up `overloadTable` on whatever holds the name when it
  // is called, which is now this wrapper.
  if (fn.overloadTable) checked.overloadTable = fn.overloadTable;
  return checked;
}

// Methods and static functions are replaced in place; the constructor is
// wrapped in a Proxy so `new`, `instanceof` and the statics behave as before.
function mlpCheckedClass(cls) {
  var proto = cls.prototype;
  Object.getOwnPropertyNames(proto).forEach(function (name) {
    if (name !== 'constructor' && typeof proto[name] === 'function') proto[name] = mlpChecked(proto[name]);
  });
  Object.getOwnPropertyNames(cls).forEach(function (name) {
    if (name !== 'prototype' && typeof cls[name] === 'function') cls[name] = mlpChecked(cls[name]);
  });
  return new Proxy(cls, {
    construct: function (target, args, newTarget) {
      mlpPendingError = null;
      var object = Reflect.construct(target, args, newTarget);
      mlpThrowPending();
      return object;
    },
  });
}

// Bytes the C heap has handed out (dlmalloc's mallinfo().uordblks): a leak
// shows here long before the heap has to grow.
function mlpAllocatedBytes() {
  var info = _malloc(40);
  _mallinfo(info);
  var used = HEAP32[(info >> 2) + 7];
  _free(info);
  return used;
}

// Everything Embind registers appears on Module while the runtime starts;
// what was there before (the runtime's own exports) is left alone.
var mlpKeysBefore = Object.keys(Module);

addOnPostRun(function () {
  Object.keys(Module).forEach(function (name) {
    var value = Module[name];
    if (mlpKeysBefore.indexOf(name) >= 0 || typeof value !== 'function') return;
    Module[name] = value.prototype instanceof ClassHandle ? mlpCheckedClass(value) : mlpChecked(value);
  });
  Module['MlpError'] = MlpError;
  Module['memoryStats'] = function () {
    return { heapBytes: HEAP8.length, allocatedBytes: mlpAllocatedBytes(), handles: count_emval_handles() };
  };
});
