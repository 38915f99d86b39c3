#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3313:
/***/ ((module) => {

module.exports = Pend;

function Pend() {
  this.pending = 0;
  this.max = Infinity;
  this.listeners = [];
  this.waiting = [];
  this.error = null;
}

Pend.prototype.go = function(fn) {
  if (this.pending < this.max) {
    pendGo(this, fn);
  } else {
    this.waiting.push(fn);
  }
};

Pend.prototype.wait = function(cb) {
  if (this.pending === 0) {
    cb(this.error);
  } else {
    this.listeners.push(cb);
  }
};

Pend.prototype.hold = function() {
  return pendHold(this);
};

function pendHold(self) {
  self.pending += 1;
  var called = false;
  return onCb;
  function onCb(err) {
    if (called) throw new Error("callback called twice");
    called = true;
    self.error = self.error || err;
    self.pending -= 1;
    if (self.waiting.length > 0 && self.pending < self.max) {
      pendGo(self, self.waiting.shift());
    } else if (self.pending === 0) {
      var listeners = self.listeners;
      self.listeners = [];
      listeners.forEach(cbListener);
    }
  }
  function cbListener(listener) {
    listener(self.error);
  }
}

function pendGo(self, fn) {
  fn(pendHold(self));
}


/***/ }),

/***/ 4248:
/***/ ((module) => {

// Adapted from https://github.com/brianloveswords/buffer-crc32/blob/v0.2.13/index.js
const CRC_TABLE = new Int32Array([
  0x00000000, 0x77073096, 0xee0e612c, 0x990951ba, 0x076dc419, 0x706af48f, 0xe963a535, 0x9e6495a3,
  0x0edb8832, 0x79dcb8a4, 0xe0d5e91e, 0x97d2d988, 0x09b64c2b, 0x7eb17cbd, 0xe7b82d07, 0x90bf1d91,
  0x1db71064, 0x6ab020f2, 0xf3b97148, 0x84be41de, 0x1adad47d, 0x6ddde4eb, 0xf4d4b551, 0x83d385c7,
  0x136c9856, 0x646ba8c0, 0xfd62f97a, 0x8a65c9ec, 0x14015c4f, 0x63066cd9, 0xfa0f3d63, 0x8d080df5,
  0x3b6e20c8, 0x4c69105e, 0xd56041e4, 0xa2677172, 0x3c03e4d1, 0x4b04d447, 0xd20d85fd, 0xa50ab56b,
  0x35b5a8fa, 0x42b2986c, 0xdbbbc9d6, 0xacbcf940, 0x32d86ce3, 0x45df5c75, 0xdcd60dcf, 0xabd13d59,
  0x26d930ac, 0x51de003a, 0xc8d75180, 0xbfd06116, 0x21b4f4b5, 0x56b3c423, 0xcfba9599, 0xb8bda50f,
  0x2802b89e, 0x5f058808, 0xc60cd9b2, 0xb10be924, 0x2f6f7c87, 0x58684c11, 0xc1611dab, 0xb6662d3d,
  0x76dc4190, 0x01db7106, 0x98d220bc, 0xefd5102a, 0x71b18589, 0x06b6b51f, 0x9fbfe4a5, 0xe8b8d433,
  0x7807c9a2, 0x0f00f934, 0x9609a88e, 0xe10e9818, 0x7f6a0dbb, 0x086d3d2d, 0x91646c97, 0xe6635c01,
  0x6b6b51f4, 0x1c6c6162, 0x856530d8, 0xf262004e, 0x6c0695ed, 0x1b01a57b, 0x8208f4c1, 0xf50fc457,
  0x65b0d9c6, 0x12b7e950, 0x8bbeb8ea, 0xfcb9887c, 0x62dd1ddf, 0x15da2d49, 0x8cd37cf3, 0xfbd44c65,
  0x4db26158, 0x3ab551ce, 0xa3bc0074, 0xd4bb30e2, 0x4adfa541, 0x3dd895d7, 0xa4d1c46d, 0xd3d6f4fb,
  0x4369e96a, 0x346ed9fc, 0xad678846, 0xda60b8d0, 0x44042d73, 0x33031de5, 0xaa0a4c5f, 0xdd0d7cc9,
  0x5005713c, 0x270241aa, 0xbe0b1010, 0xc90c2086, 0x5768b525, 0x206f85b3, 0xb966d409, 0xce61e49f,
  0x5edef90e, 0x29d9c998, 0xb0d09822, 0xc7d7a8b4, 0x59b33d17, 0x2eb40d81, 0xb7bd5c3b, 0xc0ba6cad,
  0xedb88320, 0x9abfb3b6, 0x03b6e20c, 0x74b1d29a, 0xead54739, 0x9dd277af, 0x04db2615, 0x73dc1683,
  0xe3630b12, 0x94643b84, 0x0d6d6a3e, 0x7a6a5aa8, 0xe40ecf0b, 0x9309ff9d, 0x0a00ae27, 0x7d079eb1,
  0xf00f9344, 0x8708a3d2, 0x1e01f268, 0x6906c2fe, 0xf762575d, 0x806567cb, 0x196c3671, 0x6e6b06e7,
  0xfed41b76, 0x89d32be0, 0x10da7a5a, 0x67dd4acc, 0xf9b9df6f, 0x8ebeeff9, 0x17b7be43, 0x60b08ed5,
  0xd6d6a3e8, 0xa1d1937e, 0x38d8c2c4, 0x4fdff252, 0xd1bb67f1, 0xa6bc5767, 0x3fb506dd, 0x48b2364b,
  0xd80d2bda, 0xaf0a1b4c, 0x36034af6, 0x41047a60, 0xdf60efc3, 0xa867df55, 0x316e8eef, 0x4669be79,
  0xcb61b38c, 0xbc66831a, 0x256fd2a0, 0x5268e236, 0xcc0c7795, 0xbb0b4703, 0x220216b9, 0x5505262f,
  0xc5ba3bbe, 0xb2bd0b28, 0x2bb45a92, 0x5cb36a04, 0xc2d7ffa7, 0xb5d0cf31, 0x2cd99e8b, 0x5bdeae1d,
  0x9b64c2b0, 0xec63f226, 0x756aa39c, 0x026d930a, 0x9c0906a9, 0xeb0e363f, 0x72076785, 0x05005713,
  0x95bf4a82, 0xe2b87a14, 0x7bb12bae, 0x0cb61b38, 0x92d28e9b, 0xe5d5be0d, 0x7cdcefb7, 0x0bdbdf21,
  0x86d3d2d4, 0xf1d4e242, 0x68ddb3f8, 0x1fda836e, 0x81be16cd, 0xf6b9265b, 0x6fb077e1, 0x18b74777,
  0x88085ae6, 0xff0f6a70, 0x66063bca, 0x11010b5c, 0x8f659eff, 0xf862ae69, 0x616bffd3, 0x166ccf45,
  0xa00ae278, 0xd70dd2ee, 0x4e048354, 0x3903b3c2, 0xa7672661, 0xd06016f7, 0x4969474d, 0x3e6e77db,
  0xaed16a4a, 0xd9d65adc, 0x40df0b66, 0x37d83bf0, 0xa9bcae53, 0xdebb9ec5, 0x47b2cf7f, 0x30b5ffe9,
  0xbdbdf21c, 0xcabac28a, 0x53b39330, 0x24b4a3a6, 0xbad03605, 0xcdd70693, 0x54de5729, 0x23d967bf,
  0xb3667a2e, 0xc4614ab8, 0x5d681b02, 0x2a6f2b94, 0xb40bbe37, 0xc30c8ea1, 0x5a05df1b, 0x2d02ef8d,
]);

function crc32(buf) {
  let crc = -1;
  for (let x of buf) {
    crc = CRC_TABLE[(crc ^ x) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ -1) >>> 0;
}

module.exports = crc32;


/***/ }),

/***/ 3502:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

// This was adapted from https://github.com/andrewrk/node-fd-slicer by Andrew Kelley under the MIT License.
var fs = __nccwpck_require__(9896);
var util = __nccwpck_require__(9023);
var stream = __nccwpck_require__(2203);
var Readable = stream.Readable;
var PassThrough = stream.PassThrough;
var Pend = __nccwpck_require__(3313);
var EventEmitter = (__nccwpck_require__(4434).EventEmitter);

exports.BufferSlicer = BufferSlicer;
exports.FdSlicer = FdSlicer;

util.inherits(FdSlicer, EventEmitter);
function FdSlicer(fd) {
  EventEmitter.call(this);

  this.fd = fd;
  this.pend = new Pend();
  this.pend.max = 1;
  this.refCount = 0;
}

FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  var self = this;
  self.pend.go(function(cb) {
    fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer) {
      cb();
      callback(err, bytesRead, buffer);
    });
  });
};

FdSlicer.prototype.createReadStream = function(options) {
  return new ReadStream(this, options);
};

FdSlicer.prototype.ref = function() {
  this.refCount += 1;
};

FdSlicer.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;
  if (self.refCount < 0) throw new Error("invalid unref");
  if (self.refCount > 0) return;

  fs.close(self.fd, onCloseDone);

  function onCloseDone(err) {
    if (err) {
      self.emit('error', err);
    } else {
      self.emit('close');
    }
  }
};

util.inherits(ReadStream, Readable);
function ReadStream(context, options) {
  options = options || {};
  Readable.call(this, options);

  this.context = context;
  this.context.ref();

  this.start = options.start || 0;
  this.endOffset = options.end;
  this.pos = this.start;
}

ReadStream.prototype._read = function(n) {
  var self = this;

  var toRead = Math.min(self._readableState.highWaterMark, n);
  if (self.endOffset != null) {
    toRead = Math.min(toRead, self.endOffset - self.pos);
  }
  if (toRead <= 0) {
    self.push(null);
    this._cleanup();
    return;
  }
  self.context.pend.go(function(cb) {
    var buffer = Buffer.allocUnsafe(toRead);
    fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
      if (err) {
        self.destroy(err);
      } else if (bytesRead === 0) {
        self.push(null);
        self._cleanup();
      } else {
        self.pos += bytesRead;
        self.push(buffer.slice(0, bytesRead));
      }
      cb();
    });
  });
};

ReadStream.prototype._destroy = function(err, cb) {
  // Node 14+ calls this automatically at EOF.
  this._cleanup();
  cb(err);
};

ReadStream.prototype._cleanup = function() {
  if (this.context != null) {
    this.context.unref();
    this.context = null;
  }
};

util.inherits(BufferSlicer, EventEmitter);
function BufferSlicer(buffer) {
  EventEmitter.call(this);

  this.refCount = 0;
  this.buffer = buffer;
}

BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
  if (position < 0) throw new RangeError("position is negative: " + position);
  if (offset + length > buffer.length) {
    // The caller's buffer can't hold all the bytes they're trying to read.
    // Clamp the length instead of giving an error.
    // The callback will be informed of fewer than expected bytes written.
    length = buffer.length - offset;
  }
  if (position + length > this.buffer.length) {
    // Clamp any attempt to read past the end of the source buffer.
    length = this.buffer.length - position;
  }
  if (length <= 0) {
    // After any clamping, we're fully out of bounds or otherwise have nothing to do.
    // This isn't an error; it's just zero bytes written.
    setImmediate(function() {
      callback(null, 0);
    });
    return;
  }
  this.buffer.copy(buffer, offset, position, position + length);
  setImmediate(function() {
    callback(null, length);
  });
};

BufferSlicer.prototype.createReadStream = function(options) {
  options = options || {};
  var readStream = new PassThrough(options);
  readStream.start = options.start || 0;
  readStream.endOffset = options.end;
  // by the time this function returns, we'll be done.
  readStream.pos = readStream.endOffset || this.buffer.length;

  var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
  // Cut the buffer into smaller slices for better memory usage when streaming into a zlib inflate stream.
  // See https://github.com/thejoshwolfe/yauzl/issues/87
  var maxChunkSize = 0x10000;
  var offset = 0;
  while (true) {
    var nextOffset = offset + maxChunkSize;
    if (nextOffset >= entireSlice.length) {
      // last chunk
      if (offset < entireSlice.length) {
        readStream.write(entireSlice.slice(offset, entireSlice.length));
      }
      break;
    }
    readStream.write(entireSlice.slice(offset, nextOffset));
    offset = nextOffset;
  }

  readStream.end();
  return readStream;
};

BufferSlicer.prototype.ref = function() {
  this.refCount += 1;
};

BufferSlicer.prototype.unref = function() {
  this.refCount -= 1;

  if (this.refCount < 0) {
    throw new Error("invalid unref");
  }
};


/***/ }),

/***/ 663:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var fs = __nccwpck_require__(9896);
var zlib = __nccwpck_require__(3106);
var fd_slicer = __nccwpck_require__(3502);
var util = __nccwpck_require__(9023);
var EventEmitter = (__nccwpck_require__(4434).EventEmitter);
var Transform = (__nccwpck_require__(2203).Transform);
var PassThrough = (__nccwpck_require__(2203).PassThrough);
var Writable = (__nccwpck_require__(2203).Writable);

// Node 20 added zlib.crc32.
const crc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : __nccwpck_require__(4248);

exports.open = open;
exports.fromFd = fromFd;
exports.fromBuffer = fromBuffer;
exports.fromRandomAccessReader = fromRandomAccessReader;
exports.openPromise = openPromise;
exports.fromFdPromise = fromFdPromise;
exports.fromBufferPromise = fromBufferPromise;
exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;

exports.dosDateTimeToDate = dosDateTimeToDate;
exports.getFileNameLowLevel = getFileNameLowLevel;
exports.validateFileName = validateFileName;
exports.parseExtraFields = parseExtraFields;
exports.ZipFile = ZipFile;
exports.Entry = Entry;
exports.LocalFileHeader = LocalFileHeader;
exports.RandomAccessReader = RandomAccessReader;

function openPromise(path, options) {
  return new Promise((resolve, reject) => {
    open(path, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromFdPromise(fd, options) {
  return new Promise((resolve, reject) => {
    fromFd(fd, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromBufferPromise(buffer, options) {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromRandomAccessReaderPromise(reader, totalSize, options) {
  return new Promise((resolve, reject) => {
    fromRandomAccessReader(reader, totalSize, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}

function open(path, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.open(path, "r", function(err, fd) {
    if (err) return callback(err);
    fromFd(fd, options, function(err, zipfile) {
      if (err) fs.close(fd, defaultCallback);
      callback(err, zipfile);
    });
  });
}

function fromFd(fd, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.fstat(fd, function(err, stats) {
    if (err) return callback(err);
    var reader = new fd_slicer.FdSlicer(fd);
    fromRandomAccessReader(reader, stats.size, options, callback);
  });
}

function fromBuffer(buffer, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  var reader = new fd_slicer.BufferSlicer(buffer);
  fromRandomAccessReader(reader, buffer.length, options, callback);
}

function fromRandomAccessReader(reader, totalSize, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  var decodeStrings = !!options.decodeStrings;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
  if (totalSize > Number.MAX_SAFE_INTEGER) {
    throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
  }

  // the matching unref() call is in zipfile.close()
  reader.ref();

  // eocdr means End of Central Directory Record.
  // search backwards for the eocdr signature.
  // the last field of the eocdr is a variable-length comment.
  // the comment size is encoded in a 2-byte field in the eocdr, which we can't find without trudging backwards through the comment to find it.
  // as a consequence of this design decision, it's possible to have ambiguous zip file metadata if a coherent eocdr was in the comment.
  // we search backwards for a eocdr signature, and hope that whoever made the zip file was smart enough to forbid the eocdr signature in the comment.
  var eocdrWithoutCommentSize = 22;
  var zip64EocdlSize = 20; // Zip64 end of central directory locator
  var maxCommentSize = 0xffff; // 2-byte size
  var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
  var buffer = newBuffer(bufferSize);
  var bufferReadStart = totalSize - buffer.length;
  readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
    if (err) return callback(err);
    for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
      if (buffer.readUInt32LE(i) !== 0x06054b50) continue;
      // found eocdr
      var eocdrBuffer = buffer.subarray(i);

      // 0 - End of central directory signature = 0x06054b50
      // 4 - Number of this disk
      var diskNumber = eocdrBuffer.readUInt16LE(4);
      // 6 - Disk where central directory starts
      // 8 - Number of central directory records on this disk
      // 10 - Total number of central directory records
      var entryCount = eocdrBuffer.readUInt16LE(10);
      // 12 - Size of central directory (bytes)
      // 16 - Offset of start of central directory, relative to start of archive
      var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
      // 20 - Comment length
      var commentLength = eocdrBuffer.readUInt16LE(20);
      var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
      if (commentLength !== expectedCommentLength) {
        return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK\u263a\u263b` in the comment?"));
      }
      // 22 - Comment
      // the encoding is always cp437.
      var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false)
                                  : eocdrBuffer.subarray(22);

      // Look for a Zip64 end of central directory locator
      if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 0x07064b50) {
        // ZIP64 format
        var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
        // 0 - zip64 end of central dir locator signature = 0x07064b50
        // 4 - number of the disk with the start of the zip64 end of central directory
        // 8 - relative offset of the zip64 end of central directory record
        var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
        // 16 - total number of disks

        // ZIP64 end of central directory record
        var zip64EocdrBuffer = newBuffer(56);
        return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err) {
          if (err) return callback(err);

          // 0 - zip64 end of central dir signature                           4 bytes  (0x06064b50)
          if (zip64EocdrBuffer.readUInt32LE(0) !== 0x06064b50) {
            return callback(new Error("invalid zip64 end of central directory record signature"));
          }
          // 4 - size of zip64 end of central directory record                8 bytes
          // 12 - version made by                                             2 bytes
          // 14 - version needed to extract                                   2 bytes
          // 16 - number of this disk                                         4 bytes
          diskNumber = zip64EocdrBuffer.readUInt32LE(16);
          if (diskNumber !== 0) {
            // Check this only after zip64 overrides. See #118.
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          // 20 - number of the disk with the start of the central directory  4 bytes
          // 24 - total number of entries in the central directory on this disk         8 bytes
          // 32 - total number of entries in the central directory            8 bytes
          entryCount = readUInt64LE(zip64EocdrBuffer, 32);
          // 40 - size of the central directory                               8 bytes
          // 48 - offset of start of central directory with respect to the starting disk number     8 bytes
          centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
          // 56 - zip64 extensible data sector                                (variable size)
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));
        });
      }

      // Not ZIP64 format
      if (diskNumber !== 0) {
        return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
      }
      return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));

    }

    // Not a zip file.
    callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
  });
}

util.inherits(ZipFile, EventEmitter);
function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
  var self = this;
  EventEmitter.call(self);
  self.reader = reader;
  // forward close events
  self.reader.on("error", function(err) {
    // error closing the fd
    emitError(self, err);
  });
  self.reader.once("close", function() {
    self.emit("close");
  });
  self.readEntryCursor = centralDirectoryOffset;
  self.fileSize = fileSize;
  self.entryCount = entryCount;
  self.comment = comment;
  self.entriesRead = 0;
  self.autoClose = !!autoClose;
  self.lazyEntries = !!lazyEntries;
  self.decodeStrings = !!decodeStrings;
  self.validateEntrySizes = !!validateEntrySizes;
  self.strictFileNames = !!strictFileNames;
  self.isOpen = true;
  self.emittedError = false;
  self.hasEachEntryBeenCalled = false;

  if (!self.lazyEntries) self._readEntry();
}
ZipFile.prototype.close = function() {
  if (!this.isOpen) return;
  this.isOpen = false;
  this.reader.unref();
};

function emitErrorAndAutoClose(self, err) {
  if (self.autoClose) self.close();
  emitError(self, err);
}
function emitError(self, err) {
  if (self.emittedError) return;
  self.emittedError = true;
  self.emit("error", err);
}

ZipFile.prototype.readEntry = function() {
  if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
  this._readEntry();
};
ZipFile.prototype._readEntry = function() {
  var self = this;
  if (self.entryCount === self.entriesRead) {
    // done with metadata
    setImmediate(function() {
      if (self.autoClose) self.close();
      if (self.emittedError) return;
      self.emit("end");
    });
    return;
  }
  if (self.emittedError) return;
  var buffer = newBuffer(46);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
    if (err) return emitErrorAndAutoClose(self, err);
    if (self.emittedError) return;
    var entry = new Entry();
    // 0 - Central directory file header signature
    var signature = buffer.readUInt32LE(0);
    if (signature !== 0x02014b50) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
    // 4 - Version made by
    entry.versionMadeBy = buffer.readUInt16LE(4);
    // 6 - Version needed to extract (minimum)
    entry.versionNeededToExtract = buffer.readUInt16LE(6);
    // 8 - General purpose bit flag
    entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
    // 10 - Compression method
    entry.compressionMethod = buffer.readUInt16LE(10);
    // 12 - File last modification time
    entry.lastModFileTime = buffer.readUInt16LE(12);
    // 14 - File last modification date
    entry.lastModFileDate = buffer.readUInt16LE(14);
    // 16 - CRC-32
    entry.crc32 = buffer.readUInt32LE(16);
    // 20 - Compressed size
    entry.compressedSize = buffer.readUInt32LE(20);
    // 24 - Uncompressed size
    entry.uncompressedSize = buffer.readUInt32LE(24);
    // 28 - File name length (n)
    entry.fileNameLength = buffer.readUInt16LE(28);
    // 30 - Extra field length (m)
    entry.extraFieldLength = buffer.readUInt16LE(30);
    // 32 - File comment length (k)
    entry.fileCommentLength = buffer.readUInt16LE(32);
    // 34 - Disk number where file starts
    // 36 - Internal file attributes
    entry.internalFileAttributes = buffer.readUInt16LE(36);
    // 38 - External file attributes
    entry.externalFileAttributes = buffer.readUInt32LE(38);
    // 42 - Relative offset of local file header
    entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);

    if (entry.generalPurposeBitFlag & 0x40) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));

    self.readEntryCursor += 46;

    buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
    readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
      if (err) return emitErrorAndAutoClose(self, err);
      if (self.emittedError) return;
      // 46 - File name
      entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
      // 46+n - Extra field
      var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
      entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
      // 46+n+m - File comment
      entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);

      // Parse the extra fields, which we need for processing other fields.
      try {
        entry.extraFields = parseExtraFields(entry.extraFieldRaw);
      } catch (err) {
        return emitErrorAndAutoClose(self, err);
      }

      // Interpret strings according to bit flags, extra fields, and options.
      if (self.decodeStrings) {
        var isUtf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
        entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
        entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
        var errorMessage = validateFileName(entry.fileName);
        if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
      } else {
        entry.fileComment = entry.fileCommentRaw;
        entry.fileName = entry.fileNameRaw;
      }
      // Maintain API compatibility. See https://github.com/thejoshwolfe/yauzl/issues/47
      entry.comment = entry.fileComment;

      self.readEntryCursor += buffer.length;
      self.entriesRead += 1;

      // Check for the Zip64 Extended Information Extra Field.
      for (var i = 0; i < entry.extraFields.length; i++) {
        var extraField = entry.extraFields[i];
        if (extraField.id !== 0x0001) continue;
        // Found it.

        var zip64EiefBuffer = extraField.data;
        var index = 0;
        // 0 - Original Size          8 bytes
        if (entry.uncompressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
          }
          entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 8 - Compressed Size        8 bytes
        if (entry.compressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
          }
          entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 16 - Relative Header Offset 8 bytes
        if (entry.relativeOffsetOfLocalHeader === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
          }
          entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 24 - Disk Start Number      4 bytes

        break;
      }

      // validate file size
      if (self.validateEntrySizes && entry.compressionMethod === 0) {
        var expectedCompressedSize = entry.uncompressedSize;
        if (entry.isEncrypted()) {
          // traditional encryption prefixes the file data with a header
          expectedCompressedSize += 12;
        }
        if (entry.compressedSize !== expectedCompressedSize) {
          var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
          return emitErrorAndAutoClose(self, new Error(msg));
        }
      }

      self.emit("entry", entry);

      if (!self.lazyEntries) self._readEntry();
    });
  });
};

ZipFile.prototype.eachEntry = function() {
  const self = this;
  if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
  if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
  self.hasEachEntryBeenCalled = true;

  let pendingResolveReject = null;
  self.on("entry", onEntry);
  self.on("end", onEnd);
  self.on("error", onError);
  function cleanup() {
    self.removeListener("entry", onEntry);
    self.removeListener("end", onEnd);
    self.removeListener("error", onError);
    if (self.autoClose) self.close();
  }

  function onEntry(entry) {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    resolve({value: entry});
  }
  function onEnd() {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    resolve({done: true});
  }
  function onError(err) {
    let {reject} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    reject(err);
  }

  return {
    [Symbol.asyncIterator]() {
      // Called once by `for await...of`.
      return this;
    },
    next() {
      // Called on each iteration in a `for await...of`.
      const promise = new Promise((resolve, reject) => {
        if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
        pendingResolveReject = {resolve, reject};
      });
      self.readEntry();
      return promise;
    },
    return(value) {
      // Called when breaking, returning, throwing out of a `for await...of`.
      cleanup();
      return Promise.resolve({done: true, value});
    },
    throw(value) {
      // Almost never called. Something about `yield*` maybe?
      cleanup();
      return Promise.reject(value);
    },
  };
};

ZipFile.prototype.openReadStream = function(entry, options, callback) {
  var self = this;
  // parameter validation
  var relativeStart = 0;
  var relativeEnd = entry.compressedSize;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) {
    options = {};
  } else {
    if (options.decodeFileData === false) {
      // new, simple option
      if (options.decrypt != null) {
        throw new Error("cannot use options.decrypt when options.decodeFileData === false");
      }
      if (options.decompress != null) {
        throw new Error("cannot use options.decompress when options.decodeFileData === false");
      }
      // start and end are allowed
    } else {
      // old, complicated options
      if (options.decrypt != null) {
        if (!entry.isEncrypted()) {
          throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
        }
        if (options.decrypt !== false) throw new Error("invalid options.decrypt value: " + options.decrypt);
        if (entry.isCompressed()) {
          if (options.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
        }
      }
      if (options.decompress != null) {
        if (!entry.isCompressed()) {
          throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
        }
        if (!(options.decompress === false || options.decompress === true)) {
          throw new Error("invalid options.decompress value: " + options.decompress);
        }
        decompress = options.decompress;
      }
    }
    if (options.start != null) {
      relativeStart = options.start;
      if (relativeStart < 0) throw new Error("options.start < 0");
      if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
    }
    if (options.end != null) {
      relativeEnd = options.end;
      if (relativeEnd < 0) throw new Error("options.end < 0");
      if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
      if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
    }
  }
  var rawMode = (
    options.decodeFileData === false || // Explicitly requested raw.
    (
      (entry.compressionMethod === 0 || // Naturally without compression.
        (entry.compressionMethod === 8 && options.decompress === false) // Deprecated compression bypass option.
      ) &&
      (!entry.isEncrypted() || // Naturally without encryption.
        options.decrypt === false // Deprecated encryption bypass option.
      )
    )
  );
  if (options.start != null || options.end != null) {
    // Ensure slicing deals with raw data.
    if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
  }

  // any further errors can either be caused by the zipfile,
  // or were introduced in a minor version of yauzl,
  // so should be passed to the client rather than thrown.
  if (!self.isOpen) return callback(new Error("closed"));
  if (entry.isEncrypted() && !rawMode) {
    if (options.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
  }
  var decompress;
  if (rawMode) {
    decompress = false;
  } else if (entry.compressionMethod === 8) {
    // 8 - The file is Deflated
    decompress = options.decodeFileData !== true;
  } else {
    return callback(new Error("unsupported compression method: " + entry.compressionMethod));
  }

  self.readLocalFileHeader(entry, {minimal: true}, function(err, localFileHeader) {
    if (err) return callback(err);
    self.openReadStreamLowLevel(
      localFileHeader.fileDataStart, entry.compressedSize,
      relativeStart, relativeEnd,
      decompress, entry.uncompressedSize,
      callback);
  });
};

ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
  var self = this;

  var fileDataEnd = fileDataStart + compressedSize;
  var readStream = self.reader.createReadStream({
    start: fileDataStart + relativeStart,
    end: fileDataStart + relativeEnd,
  });
  var endpointStream = readStream;
  if (decompress) {
    var destroyed = false;
    var inflateFilter = zlib.createInflateRaw();
    readStream.on("error", function(err) {
      // setImmediate here because errors can be emitted during the first call to pipe()
      setImmediate(function() {
        if (!destroyed) inflateFilter.emit("error", err);
      });
    });
    readStream.pipe(inflateFilter);

    if (self.validateEntrySizes) {
      endpointStream = new AssertByteCountStream(uncompressedSize);
      inflateFilter.on("error", function(err) {
        // forward zlib errors to the client-visible stream
        setImmediate(function() {
          if (!destroyed) endpointStream.emit("error", err);
        });
      });
      inflateFilter.pipe(endpointStream);
    } else {
      // the zlib filter is the client-visible stream
      endpointStream = inflateFilter;
    }
    // this is part of yauzl's API, so implement this function on the client-visible stream
    installDestroyFn(endpointStream, function() {
      destroyed = true;
      if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
      readStream.unpipe(inflateFilter);
      // TODO: the inflateFilter may cause a memory leak. see Issue #27.
      readStream.destroy();
    });
  }
  callback(null, endpointStream);
};

ZipFile.prototype.readLocalFileHeader = function(entry, options, callback) {
  var self = this;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) options = {};

  self.reader.ref();
  var buffer = newBuffer(30);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
    try {
      if (err) return callback(err);
      // 0 - Local file header signature = 0x04034b50
      var signature = buffer.readUInt32LE(0);
      if (signature !== 0x04034b50) {
        return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
      }

      var fileNameLength = buffer.readUInt16LE(26);
      var extraFieldLength = buffer.readUInt16LE(28);
      var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
      // We now have enough information to do this bounds check.
      if (fileDataStart + entry.compressedSize > self.fileSize) {
        return callback(new Error("file data overflows file bounds: " +
            fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
      }

      if (options.minimal) {
        return callback(null, {fileDataStart: fileDataStart});
      }

      var localFileHeader = new LocalFileHeader();
      localFileHeader.fileDataStart = fileDataStart;

      // 4 - Version needed to extract (minimum)
      localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
      // 6 - General purpose bit flag
      localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
      // 8 - Compression method
      localFileHeader.compressionMethod = buffer.readUInt16LE(8);
      // 10 - File last modification time
      localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
      // 12 - File last modification date
      localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
      // 14 - CRC-32
      localFileHeader.crc32 = buffer.readUInt32LE(14);
      // 18 - Compressed size
      localFileHeader.compressedSize = buffer.readUInt32LE(18);
      // 22 - Uncompressed size
      localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
      // 26 - File name length (n)
      localFileHeader.fileNameLength = fileNameLength;
      // 28 - Extra field length (m)
      localFileHeader.extraFieldLength = extraFieldLength;
      // 30 - File name
      // 30+n - Extra field

      buffer = newBuffer(fileNameLength + extraFieldLength);
      self.reader.ref();
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err) {
        try {
          if (err) return callback(err);
          localFileHeader.fileName = buffer.subarray(0, fileNameLength);
          localFileHeader.extraField = buffer.subarray(fileNameLength);
          return callback(null, localFileHeader);
        } finally {
          self.reader.unref();
        }
      });
    } finally {
      self.reader.unref();
    }
  });
};

ZipFile.prototype.openReadStreamPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.openReadStream(entry, options, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
  return new Promise((resolve, reject) => {
    this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.readLocalFileHeader(entry, options, function(err, localFileHeader) {
      if (err) return reject(err);
      resolve(localFileHeader);
    });
  });
};

function Entry() {
}
Entry.prototype.getLastModDate = function(options) {
  if (options == null) options = {};

  if (!options.forceDosFormat) {
    // Check extended fields.
    for (var i = 0; i < this.extraFields.length; i++) {
      var extraField = this.extraFields[i];
      if (extraField.id === 0x5455) {
        // Info-ZIP "universal timestamp" extended field (`0x5455` aka `"UT"`).
        // See the Info-ZIP source code unix/unix.c:set_extra_field() and zipfile.c:ef_scan_ut_time().
        var data = extraField.data;
        if (data.length < 5) continue; // Too short.
        // The flags define which of the three fields are present: mtime, atime, ctime.
        // We only care about mtime.
        // Also, ctime is never included in practice.
        // And also, atime is only included in the local file header for some reason
        // despite the flags lying about its inclusion in the central header.
        var flags = data[0];
        var HAS_MTIME = 1;
        if (!(flags & HAS_MTIME)) continue; // This will realistically never happen.
        // Although the positions of all of the fields shift around depending on the presence of other fields,
        // mtime is always first if present, and that's the only one we care about.
        var posixTimestamp = data.readInt32LE(1);
        return new Date(posixTimestamp * 1000);
      } else if (extraField.id === 0x000a) {
        var data = extraField.data;
        if (data.length !== 32) continue; // The length is always the same.
        // 4 bytes reserved
        // 2 bytes Tag
        if (data.readUInt16LE(4) !== 1) continue; // Tag1 is actually the only defined Tag.
        // 2 bytes Size
        if (data.readUInt16LE(6) !== 24) continue; // Size is always 24.
        // 8 bytes Mtime
        var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
        // Convert from NTFS to POSIX milliseconds.
        // The big number below is the milliseconds between year 1601 and year 1970
        // (i.e. the negative POSIX timestamp of 1601-01-01 00:00:00Z)
        var millisecondsSince1970 = hundredNanoSecondsSince1601 / 10000 - 11644473600000;
        // Note on numeric precision: JavaScript Number objects lose precision above Number.MAX_SAFE_INTEGER,
        // and NTFS timestamps are typically much bigger than that limit.
        // (MAX_SAFE_INTEGER would represent 1629-07-17T23:58:45.475Z.)
        // However, we're losing precision in the conversion from 100nanosecond units to millisecond units anyway,
        // and the time at which we also lose 1-millisecond precision is year 275760, the JavaScript Date limit (by design).
        // Up through the year 2057, this conversion only drops 4 bits of precision,
        // which is well under the 13-14 bits ratio between the milliseconds and 100nanoseconds.
        return new Date(millisecondsSince1970);
      }
    }
  }

  // Fallback to non-extended encoding.
  return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options.timezone);
};

Entry.prototype.canDecodeFileData = function() {
  return (
    !this.isEncrypted() &&
    (this.compressionMethod === 0 || this.compressionMethod === 8)
  );
};
Entry.prototype.isEncrypted = function() {
  return (this.generalPurposeBitFlag & 0x1) !== 0;
};
Entry.prototype.isCompressed = function() {
  return this.compressionMethod === 8;
};

function LocalFileHeader() {
}

function dosDateTimeToDate(date, time, timezone) {
  var day = date & 0x1f; // 1-31
  var month = (date >> 5 & 0xf) - 1; // 1-12, 0-11
  var year = (date >> 9 & 0x7f) + 1980; // 0-128, 1980-2108

  var millisecond = 0;
  var second = (time & 0x1f) * 2; // 0-29, 0-58 (even numbers)
  var minute = time >> 5 & 0x3f; // 0-59
  var hour = time >> 11 & 0x1f; // 0-23

  if (timezone == null || timezone === "local") {
    return new Date(year, month, day, hour, minute, second, millisecond);
  } else if (timezone === "UTC") {
    return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
  } else {
    throw new Error("unrecognized options.timezone: " + options.timezone);
  }
}

function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
  var fileName = null;

  // check for Info-ZIP Unicode Path Extra Field (0x7075)
  // see https://github.com/thejoshwolfe/yauzl/issues/33
  for (var i = 0; i < extraFields.length; i++) {
    var extraField = extraFields[i];
    if (extraField.id === 0x7075) {
      if (extraField.data.length < 6) {
        // too short to be meaningful
        continue;
      }
      // Version       1 byte      version of this extra field, currently 1
      if (extraField.data.readUInt8(0) !== 1) {
        // > Changes may not be backward compatible so this extra
        // > field should not be used if the version is not recognized.
        continue;
      }
      // NameCRC32     4 bytes     File Name Field CRC32 Checksum
      var oldNameCrc32 = extraField.data.readUInt32LE(1);
      if (crc32(fileNameBuffer) !== oldNameCrc32) {
        // > If the CRC check fails, this UTF-8 Path Extra Field should be
        // > ignored and the File Name field in the header should be used instead.
        continue;
      }
      // UnicodeName   Variable    UTF-8 version of the entry File Name
      fileName = decodeBuffer(extraField.data.subarray(5), true);
      break;
    }
  }

  if (fileName == null) {
    // The typical case.
    var isUtf8 = (generalPurposeBitFlag & 0x800) !== 0;
    fileName = decodeBuffer(fileNameBuffer, isUtf8);
  }

  if (!strictFileNames) {
    // Allow backslash.
    fileName = fileName.replace(/\\/g, "/");
  }
  return fileName;
}

function validateFileName(fileName) {
  if (fileName.indexOf("\\") !== -1) {
    return "invalid characters in fileName: " + fileName;
  }
  if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
    return "absolute path: " + fileName;
  }
  if (fileName.split("/").indexOf("..") !== -1) {
    return "invalid relative path: " + fileName;
  }
  // all good
  return null;
}

function parseExtraFields(extraFieldBuffer) {
  var extraFields = [];
  var i = 0;
  while (i < extraFieldBuffer.length - 3) {
    var headerId = extraFieldBuffer.readUInt16LE(i + 0);
    var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
    var dataStart = i + 4;
    var dataEnd = dataStart + dataSize;
    if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
    var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
    extraFields.push({
      id: headerId,
      data: dataBuffer,
    });
    i = dataEnd;
  }
  return extraFields;
}

function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
  if (length === 0) {
    // fs.read will throw an out-of-bounds error if you try to read 0 bytes from a 0 byte file
    return setImmediate(function() { callback(null, newBuffer(0)); });
  }
  reader.read(buffer, offset, length, position, function(err, bytesRead) {
    if (err) return callback(err);
    if (bytesRead < length) {
      return callback(new Error("unexpected EOF"));
    }
    callback();
  });
}

util.inherits(AssertByteCountStream, Transform);
function AssertByteCountStream(byteCount) {
  Transform.call(this);
  this.actualByteCount = 0;
  this.expectedByteCount = byteCount;
}
AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
  this.actualByteCount += chunk.length;
  if (this.actualByteCount > this.expectedByteCount) {
    var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb(null, chunk);
};
AssertByteCountStream.prototype._flush = function(cb) {
  if (this.actualByteCount < this.expectedByteCount) {
    var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb();
};

util.inherits(RandomAccessReader, EventEmitter);
function RandomAccessReader() {
  EventEmitter.call(this);
  this.refCount = 0;
}
RandomAccessReader.prototype.ref = function() {
  this.refCount += 1;
};
RandomAccessReader.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;

  if (self.refCount > 0) return;
  if (self.refCount < 0) throw new Error("invalid unref");

  self.close(onCloseDone);

  function onCloseDone(err) {
    if (err) return self.emit('error', err);
    self.emit('close');
  }
};
RandomAccessReader.prototype.createReadStream = function(options) {
  if (options == null) options = {};
  var start = options.start;
  var end = options.end;
  if (start === end) {
    var emptyStream = new PassThrough();
    setImmediate(function() {
      emptyStream.end();
    });
    return emptyStream;
  }
  var stream = this._readStreamForRange(start, end);

  var destroyed = false;
  var refUnrefFilter = new RefUnrefFilter(this);
  stream.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) refUnrefFilter.emit("error", err);
    });
  });
  installDestroyFn(refUnrefFilter, function() {
    stream.unpipe(refUnrefFilter);
    refUnrefFilter.unref();
    stream.destroy();
  });

  var byteCounter = new AssertByteCountStream(end - start);
  refUnrefFilter.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) byteCounter.emit("error", err);
    });
  });
  installDestroyFn(byteCounter, function() {
    destroyed = true;
    refUnrefFilter.unpipe(byteCounter);
    refUnrefFilter.destroy();
  });

  return stream.pipe(refUnrefFilter).pipe(byteCounter);
};
RandomAccessReader.prototype._readStreamForRange = function(start, end) {
  throw new Error("not implemented");
};
RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
  var readStream = this.createReadStream({start: position, end: position + length});
  var writeStream = new Writable();
  var written = 0;
  writeStream._write = function(chunk, encoding, cb) {
    chunk.copy(buffer, offset + written, 0, chunk.length);
    written += chunk.length;
    cb();
  };
  writeStream.on("finish", callback);
  readStream.on("error", function(error) {
    callback(error);
  });
  readStream.pipe(writeStream);
};
RandomAccessReader.prototype.close = function(callback) {
  setImmediate(callback);
};

util.inherits(RefUnrefFilter, PassThrough);
function RefUnrefFilter(context) {
  PassThrough.call(this);
  this.context = context;
  this.context.ref();
  this.unreffedYet = false;
}
RefUnrefFilter.prototype._flush = function(cb) {
  this.unref();
  cb();
};
RefUnrefFilter.prototype.unref = function(cb) {
  if (this.unreffedYet) return;
  this.unreffedYet = true;
  this.context.unref();
};

var cp437 = '\u0000\u263a\u263b\u2665\u2666\u2663\u2660\u2022\u25d8\u25cb\u25d9\u2642\u2640\u266a\u266b\u263c\u25ba\u25c4\u2195\u203c\u00b6\u00a7\u25ac\u21a8\u2191\u2193\u2192\u2190\u221f\u2194\u25b2\u25bc !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u2302\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00a2\u00a3\u00a5\u20a7\u0192\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u2310\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580\u03b1\u00df\u0393\u03c0\u03a3\u03c3\u00b5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229\u2261\u00b1\u2265\u2264\u2320\u2321\u00f7\u2248\u00b0\u2219\u00b7\u221a\u207f\u00b2\u25a0\u00a0';
function decodeBuffer(buffer, isUtf8) {
  if (isUtf8) {
    return buffer.toString("utf8");
  } else {
    var result = "";
    for (var i = 0; i < buffer.length; i++) {
      result += cp437[buffer[i]];
    }
    return result;
  }
}

function readUInt64LE(buffer, offset) {
  // There is no native function for this, because we can't actually store 64-bit integers precisely.
  // after 53 bits, JavaScript's Number type (IEEE 754 double) can't store individual integers anymore.
  // but since 53 bits is a whole lot more than 32 bits, we do our best anyway.
  // As of 2020, Node has added support for BigInt, which obviates this whole function,
  // but yauzl hasn't been updated to depend on BigInt (yet?).
  var lower32 = buffer.readUInt32LE(offset);
  var upper32 = buffer.readUInt32LE(offset + 4);
  // we can't use bitshifting here, because JavaScript bitshifting only works on 32-bit integers.
  return upper32 * 0x100000000 + lower32;
  // as long as we're bounds checking the result of this function against the total file size,
  // we'll catch any overflow errors, because we already made sure the total file size was within reason.
}

// Node 10 deprecated new Buffer().
var newBuffer;
if (typeof Buffer.allocUnsafe === "function") {
  newBuffer = function(len) {
    return Buffer.allocUnsafe(len);
  };
} else {
  newBuffer = function(len) {
    return new Buffer(len);
  };
}

// Node 8 introduced a proper destroy() implementation on writable streams.
function installDestroyFn(stream, fn) {
  if (typeof stream.destroy === "function") {
    // New API.
    stream._destroy = function(err, cb) {
      fn();
      if (cb != null) cb(err);
    };
  } else {
    // Old API.
    stream.destroy = fn;
  }
}

function defaultCallback(err) {
  if (err) throw err;
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 8642:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ MAX_COUNT)
/* harmony export */ });
/** Counting stops here: the finding says "at least". Apart, so rules need not load the regex engine. */
const MAX_COUNT = 10_000;


/***/ }),

/***/ 26:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  h: () => (/* binding */ resolve)
});

;// CONCATENATED MODULE: ./build/src/config/spec.js
function camel(key) {
    return key.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

// EXTERNAL MODULE: ./build/src/config/units.js
var units = __nccwpck_require__(5543);
;// CONCATENATED MODULE: ./build/src/config/resolve.js


/**
 * A validated value with the schema's defaults filled in, sizes read into bytes and keys in
 * camelCase (a map's keys are data, rule ids, and stay as written). A mapping that is not given
 * is resolved from nothing, so its keys' defaults apply; one with a default of its own (a drift
 * tolerance) takes it whole when not given, and nothing of it when given.
 */
function resolve(spec, value) {
    return fill(spec, value);
}
function fill(spec, given) {
    const value = given === undefined ? spec.default : given;
    switch (spec.type) {
        case 'size':
            return value === undefined ? undefined : (0,units/* parseSize */.DB)(value);
        case 'array':
            return value?.map((v) => fill(spec.items, v));
        case 'map':
            return (value &&
                Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(spec.values, v)])));
        case 'object': {
            const obj = (value ?? {});
            const out = {};
            for (const [key, sub] of Object.entries(spec.props)) {
                const v = fill(sub, obj[key]);
                if (v !== undefined)
                    out[camel(key)] = v;
            }
            return out;
        }
        default:
            return value;
    }
}


/***/ }),

/***/ 9829:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ CONFIG_SCHEMA)
/* harmony export */ });
/* unused harmony export CONTENT_RULE */
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4583);

// The one description of `.github/packguard.yml`. Its types (RawConfig, ResolvedConfig), its
// defaults, the validator's messages, schemas/packguard.schema.json and the README's
// configuration reference all come from here: a key is added by adding it here.
const ascending = [..._findings_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC].reverse();
const globs = { type: 'array', items: { type: 'string' } };
const mapPolicy = {
    type: 'enum',
    values: ['allow', 'warn', 'forbid'],
    examples: ['allow'],
};
const percent = { type: 'number', min: 0, description: 'Percent of the expected value' };
const bytes = { type: 'size', description: 'Bytes, as a size' };
const fileCount = { type: 'integer', min: 0, description: 'Number of files' };
const tolerance = (what) => `${what} must change by more than every bound given to count; one given replaces the default whole`;
/** A team's own content rule (`content/<name>`); compiled by `compileContentRule`. */
const CONTENT_RULE = {
    type: 'object',
    props: {
        name: {
            type: 'string',
            description: 'Lowercase letters, digits and dashes; its findings are `content/<name>`',
        },
        pattern: {
            type: 'string',
            description: 'An RE2 regular expression (linear time); give `pattern` or `strings`',
        },
        strings: {
            ...globs,
            description: 'Literal strings, word-bounded; give `pattern` or `strings`',
        },
        flags: {
            type: 'string',
            description: 'RE2 flags among `i`, `m`, `s` (default: `i` for `strings`, none for a `pattern`)',
        },
        files: { ...globs, description: 'Globs of the files to search (default: every text file)' },
        severity: {
            type: 'enum',
            values: ascending,
            default: 'error',
            description: 'Severity of its findings',
        },
        message: { type: 'string', description: 'Shown instead of the default message' },
    },
    required: ['name'],
};
const CONFIG_SCHEMA = {
    type: 'object',
    description: 'packguard configuration (`.github/packguard.yml`)',
    props: {
        extends: {
            type: 'enum',
            values: ['recommended', 'strict', 'none'],
            default: 'recommended',
            description: 'Preset of rule severities: documented, all errors, or only declared and fail-closed rules',
        },
        files: {
            type: 'object',
            description: 'What the package must, may and must not hold (globs)',
            props: {
                allow: {
                    ...globs,
                    description: 'The only files allowed; anything else is `file/unexpected`',
                    examples: [['dist/', 'package.json', 'README.md', 'LICENSE']],
                },
                forbid: {
                    ...globs,
                    default: [],
                    description: 'Files that must not ship (`file/forbidden`)',
                    examples: [['*.map', '.env', 'src/**']],
                },
                require: {
                    ...globs,
                    default: [],
                    description: 'Files that must ship (`file/missing`)',
                    examples: [['dist/index.js', 'dist/index.d.ts']],
                },
            },
        },
        limits: {
            type: 'object',
            description: 'Size budgets of the package (`size/*`); none by default',
            props: {
                'max-total-size': {
                    type: 'size',
                    description: 'Unpacked size of the whole package (`size/total`)',
                    examples: ['5MB'],
                },
                'max-file-size': {
                    type: 'size',
                    description: 'Size of any one file (`size/file`)',
                    examples: ['1MB'],
                },
                'max-files': {
                    type: 'integer',
                    min: 0,
                    description: 'Number of files (`size/file-count`)',
                    examples: [300],
                },
            },
        },
        rules: {
            type: 'map',
            key: 'rule id',
            values: { type: 'enum', values: ['off', ...ascending] },
            default: {},
            description: 'Severity of any rule by id, over the preset (see docs/rules.md)',
            examples: [{ 'archive/link': 'off' }],
        },
        sourcemaps: {
            type: 'object',
            description: 'Shipping maps on purpose: `allow` turns the rule off, `warn` makes it a warning, `forbid` an error',
            props: {
                files: {
                    ...mapPolicy,
                    description: '`.map` files listing their sources (`sourcemap/file`)',
                },
                'sources-content': {
                    ...mapPolicy,
                    description: 'Maps embedding their sources (`sourcemap/sources-content`, `sourcemap/inline`)',
                },
                'external-urls': {
                    ...mapPolicy,
                    description: 'A `sourceMappingURL` pointing to another host (`sourcemap/external-url`)',
                    examples: ['warn'],
                },
            },
        },
        content: {
            type: 'array',
            items: CONTENT_RULE,
            default: [],
            description: "The team's own words that must not ship: codenames, internal hosts",
            examples: [
                [
                    { name: 'codename', strings: ['Nightingale', 'project-falcon'] },
                    {
                        name: 'internal-hosts',
                        pattern: '[a-z0-9-]+\\.corp\\.example\\.com',
                        flags: 'i',
                        files: ['dist/**'],
                        severity: 'warning',
                        message: 'internal hostname',
                    },
                ],
            ],
        },
        ignore: {
            type: 'array',
            items: {
                type: 'object',
                props: {
                    rule: { type: 'string', description: 'A rule id, or a family as `file/*`' },
                    path: { type: 'string', description: 'Only findings on files matching this glob' },
                    reason: { type: 'string', description: 'Why; shown in the report' },
                },
                required: ['rule', 'reason'],
            },
            default: [],
            description: 'Documented suppressions; suppressed findings are still listed',
            examples: [
                [
                    {
                        rule: 'file/forbidden',
                        path: 'dist/vendor.js.map',
                        reason: 'vendored map, reviewed in #123',
                    },
                ],
            ],
        },
        drift: {
            type: 'object',
            description: 'What the artifact is compared with, and how closely',
            props: {
                lockfile: {
                    type: 'string',
                    description: 'Lockfile written by `packguard snapshot` (or `--lockfile`)',
                    examples: ['packguard.lock.json'],
                },
                baseline: {
                    type: 'string',
                    description: 'An artifact, `npm:<name>@<version|tag>` or `npm:previous` (or `--baseline`)',
                    examples: ['npm:previous'],
                },
                compare: {
                    type: 'enum',
                    values: ['size', 'content'],
                    default: 'size',
                    description: '`content` also compares sha256, for reproducible builds',
                },
                'size-tolerance': {
                    type: 'object',
                    props: { percent, bytes },
                    default: { percent: 20, bytes: '4KiB' },
                    description: tolerance("A file's size"),
                },
                'total-size-tolerance': {
                    type: 'object',
                    props: { percent, bytes },
                    default: { percent: 10, bytes: '100KB' },
                    description: tolerance('The total size'),
                },
                'file-count-tolerance': {
                    type: 'object',
                    props: { percent, files: fileCount },
                    default: { percent: 10, files: 5 },
                    description: tolerance('The number of files'),
                },
            },
        },
        safety: {
            type: 'object',
            description: 'Limits on reading the artifact itself; past one, `archive/limit-exceeded`',
            props: {
                'max-total-bytes': {
                    type: 'size',
                    default: '2GiB',
                    description: 'Unpacked bytes read from one artifact',
                },
                'max-entry-bytes': {
                    type: 'size',
                    default: '512MiB',
                    description: 'Bytes of one entry; a larger one is not read',
                },
                'max-entries': {
                    type: 'integer',
                    min: 1,
                    default: 250_000,
                    description: 'Entries in one artifact',
                },
                'max-ratio': {
                    type: 'number',
                    min: 1,
                    default: 200,
                    description: 'Unpacked bytes per compressed byte (checked past 16 MiB)',
                },
                'max-depth': {
                    type: 'integer',
                    min: 0,
                    default: 3,
                    description: 'How deep archives inside archives are opened',
                },
            },
        },
    },
};


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ toConfig)
/* harmony export */ });
/** `sourcemaps:` settings and the rule ids each one sets; a new setting must name its rules. */
const SOURCEMAP_RULES = {
    files: ['sourcemap/file'],
    sourcesContent: ['sourcemap/sources-content', 'sourcemap/inline'],
    externalUrls: ['sourcemap/external-url'],
};
const MAP_POLICY = { allow: 'off', warn: 'warning', forbid: 'error' };
/**
 * The Config the checks use, from a resolved config file and its compiled content rules. It only
 * reshapes: every default is the schema's, filled in by `resolve`.
 */
function toConfig(r, source, content) {
    const { drift } = r;
    // `sourcemaps:` is shorthand for severities; an explicit `rules:` entry wins over it.
    const rules = {};
    for (const [key, policy] of Object.entries(r.sourcemaps)) {
        for (const id of SOURCEMAP_RULES[key])
            rules[id] = MAP_POLICY[policy];
    }
    return {
        source,
        extends: r.extends,
        files: r.files,
        limits: r.limits,
        rules: Object.assign(rules, r.rules),
        ignore: r.ignore,
        safety: r.safety,
        drift: {
            lockfile: drift.lockfile,
            baseline: drift.baseline,
            settings: {
                content: drift.compare === 'content',
                fileTolerance: {
                    percent: drift.sizeTolerance.percent,
                    absolute: drift.sizeTolerance.bytes,
                },
                totalTolerance: {
                    percent: drift.totalSizeTolerance.percent,
                    absolute: drift.totalSizeTolerance.bytes,
                },
                countTolerance: {
                    percent: drift.fileCountTolerance.percent,
                    absolute: drift.fileCountTolerance.files,
                },
            },
        },
        content,
    };
}


/***/ }),

/***/ 5543:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   Xq: () => (/* binding */ formatSize)
/* harmony export */ });
/* unused harmony export SIZE_UNITS */
const UNITS = {
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
};
/** The units a size may carry, lowercase; a size is read case-insensitively. */
const SIZE_UNITS = Object.keys(UNITS);
/** Parses `500`, `10KB`, `1.5 MB`, `2GiB` into bytes (KB = 1000 bytes, KiB = 1024); undefined if malformed. */
function parseSize(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
    if (!m)
        return undefined;
    const unit = UNITS[(m[2] || 'b').toLowerCase()];
    return unit === undefined ? undefined : Math.floor(Number(m[1]) * unit);
}
/** Bytes for people: 1.2 MB, 340 KB, 12 B (decimal units, like the config accepts). */
function formatSize(bytes) {
    if (bytes < 1000)
        return `${bytes} B`;
    const units = ['KB', 'MB', 'GB', 'TB'];
    let v = bytes;
    let i = -1;
    while (v >= 1000 && i < units.length - 1) {
        v /= 1000;
        i++;
    }
    return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
/** 1906 -> "1,906" (as toLocaleString('en-US') does, without loading locale data at run time). */
function formatCount(n) {
    const [int, frac] = String(n).split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return frac === undefined ? grouped : `${grouped}.${frac}`;
}


/***/ }),

/***/ 1480:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MZ: () => (/* binding */ serializeManifest),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   u1: () => (/* binding */ buildManifest)
/* harmony export */ });
/* unused harmony export executable */
const executable = (mode) => (mode & 0o111) !== 0;
/** Builds a deterministic manifest from an artifact's top-level entries (directories left out). */
function buildManifest(entries, format) {
    const byPath = new Map();
    for (const e of entries) {
        if (e.type === 'directory' || !e.path)
            continue;
        const f = {
            path: e.path,
            size: e.size,
            mode: executable(e.mode) ? '0755' : '0644',
        };
        if (e.sha256)
            f.sha256 = e.sha256;
        if (e.type !== 'file') {
            f.type = e.type;
            if (e.linkTarget !== undefined)
                f.target = e.linkTarget;
        }
        // npm installs the last copy of a duplicated path; so does the manifest.
        byPath.set(e.path, f);
    }
    const files = [...byPath.values()].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    const regular = files.filter((f) => !f.type);
    return {
        schemaVersion: 1,
        ...(format ? { format } : {}),
        files,
        totals: { files: regular.length, bytes: regular.reduce((n, f) => n + f.size, 0) },
    };
}
/** The lockfile text: stable key order, two-space indent, trailing newline. */
function serializeManifest(m) {
    const files = m.files.map((f) => {
        const o = { path: f.path, size: f.size, mode: f.mode };
        if (f.sha256)
            o.sha256 = f.sha256;
        if (f.type)
            o.type = f.type;
        if (f.target !== undefined)
            o.target = f.target;
        return o;
    });
    const out = {
        schemaVersion: 1,
        ...(m.format ? { format: m.format } : {}),
        files,
        totals: m.totals,
    };
    return `${JSON.stringify(out, null, 2)}\n`;
}
/** Parses and checks a lockfile's shape; `name` is used in errors. */
function parseManifest(text, name) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (err) {
        throw new Error(`${name}: not valid JSON (${err.message})`, { cause: err });
    }
    const m = raw;
    if (typeof m !== 'object' || m === null || m.schemaVersion !== 1 || !Array.isArray(m.files)) {
        throw new Error(`${name}: not a packguard lockfile (expected schemaVersion 1 and a files list)`);
    }
    for (const [i, f] of m.files.entries()) {
        if (typeof f?.path !== 'string' ||
            typeof f.size !== 'number' ||
            (f.mode !== '0755' && f.mode !== '0644')) {
            throw new Error(`${name}: files[${i}]: expected {path, size, mode: "0755"|"0644"}`);
        }
    }
    return m;
}


/***/ }),

/***/ 7406:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I$: () => (/* binding */ exitCode),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/** Bad flags or inputs: exit 2. */
class UsageError extends Error {
    name = 'UsageError';
}
/** A configuration file that does not validate: exit 2, naming the file and the key. */
class ConfigError extends Error {
    name = 'ConfigError';
}
const EXIT = { pass: 0, findings: 1, usage: 2, unreadable: 3 };
/** 3 when an artifact could not be read completely, 1 on failing findings, else 0. */
function exitCode(report) {
    if (report.artifacts.some((a) => a.error))
        return EXIT.unreadable;
    return report.result === 'fail' ? EXIT.findings : EXIT.pass;
}


/***/ }),

/***/ 4583:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qs: () => (/* binding */ severityRank)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);

const SEVERITIES = ['error', 'warning', 'notice'];
const RANK = { error: 3, warning: 2, notice: 1 };
function severityRank(s) {
    return RANK[s];
}
/**
 * A stable identity for a finding: the rule, the path inside the artifact and a rule-chosen key.
 * The artifact path is left out on purpose, since release file names carry the version.
 */
function fingerprint(rule, file, key = '') {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${rule}\0${file}\0${key}`).digest('hex').slice(0, 16);
}
/** Most severe first, then artifact, file, line and rule, so every report lists findings alike. */
function compareFindings(a, b) {
    return (severityRank(b.severity) - severityRank(a.severity) ||
        cmp(a.artifact, b.artifact) ||
        cmp(a.file, b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        cmp(a.rule, b.rule) ||
        cmp(a.message, b.message));
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 502:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  t: () => (/* binding */ compileGlobs)
});

;// CONCATENATED MODULE: ./node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        if (a === b) {
            return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
// One digit, or a class of digits from a to b.
const digit = (a, b) => a === b ?
    { t: 'lit', ch: String(a) }
    : { t: 'class', re: new RegExp(`^[${a}-${b}]$`) };
const prefix = (d, alts) => alts.map(s => [digit(d, d), ...s]);
// The digit strings from a to b, which have the same length.
const fixed = (a, b) => {
    if (!a)
        return [[]];
    let lo = +a[0];
    let hi = +b[0];
    const ra = a.slice(1);
    const rb = b.slice(1);
    if (lo === hi)
        return prefix(lo, fixed(ra, rb));
    const zeros = '0'.repeat(ra.length);
    const nines = '9'.repeat(ra.length);
    const out = [];
    if (ra !== zeros)
        out.push(...prefix(lo++, fixed(ra, nines)));
    const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
    if (lo <= hi) {
        out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
    }
    out.push(...last);
    return out;
};
// The numbers from a to b, where 0 <= a <= b. If width is set, each
// one has leading zeros to make it that many digits.
const nonneg = (a, b, width) => {
    if (width) {
        return fixed(String(a).padStart(width, '0'), String(b).padStart(width, '0'));
    }
    const out = [];
    for (let len = String(a).length; len <= String(b).length; len++) {
        const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
        const hi = Math.min(b, 10 ** len - 1);
        out.push(...fixed(String(lo), String(hi)));
    }
    return out;
};
/**
 * The strings that the bash brace expansion `{lo..hi}` makes, as
 * the alternatives of an `@(...)` extglob. Each one is a sequence of
 * digits and digit classes, so there are only a few of them, even for
 * a large range.
 *
 * If either end has a leading zero, such as `{01..10}`, each number
 * has leading zeros to make it as long as the longer end, counting a
 * `-` sign. So `{-05..3}` makes `-05` to `-01`, then `000` to `003`.
 *
 * Returns undefined if either end is not a safe integer.
 */
const numericRange = (loStr, hiStr) => {
    let lo = Number(loStr);
    let hi = Number(hiStr);
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
        return;
    if (lo > hi)
        [lo, hi] = [hi, lo];
    const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
    const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
    const out = [];
    if (lo < 0) {
        const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
        out.push(...neg.map(s => [{ t: 'lit', ch: '-' }, ...s]));
    }
    if (hi >= 0)
        out.push(...nonneg(Math.max(lo, 0), hi, width));
    return out;
};
//# sourceMappingURL=numeric-range.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}'],
    '[:alpha:]': ['\\p{L}\\p{Nl}'],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f'],
    '[:blank:]': ['\\p{Zs}\\t'],
    '[:cntrl:]': ['\\p{Cc}'],
    '[:digit:]': ['\\p{Nd}'],
    '[:graph:]': ['\\p{Z}\\p{C}', true],
    '[:lower:]': ['\\p{Ll}'],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}\\p{S}'],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f'],
    '[:upper:]': ['\\p{Lu}'],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}'],
    '[:xdigit:]': ['A-Fa-f0-9'],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
const noMatch = /$./;
// Takes a glob string at a posix brace expression. Returns a RegExp
// that tests one character, and the number of glob chars consumed.
// If the class is not closed, consumed is 0, and the `[` must be
// treated as a literal character.
// Out of order ranges are removed. If nothing is left, the RegExp
// is `/$./`, and the rest of the glob is consumed, so that the
// whole glob cannot match.
const parseClass = (glob, position, nocase = false, form) => {
    // normalize one class member, if it stays one code point
    const norm = (c) => {
        const n = form ? c.normalize(form) : c;
        return [...n].length === 1 ? n : c;
    };
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = String.fromCodePoint(glob.codePointAt(i));
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return [noMatch, glob.length - pos];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        const n = norm(c);
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(n));
            }
            else if (n === rangeStart) {
                ranges.push(braceEscape(n));
            }
            rangeStart = '';
            i += c.length;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + c.length)) {
            ranges.push(braceEscape(n + '-'));
            i += c.length + 1;
            continue;
        }
        if (glob.startsWith('-', i + c.length)) {
            rangeStart = n;
            i += c.length + 1;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(n));
        i += c.length;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return [noMatch, 0];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return [noMatch, glob.length - pos];
    }
    const sranges = '[' + (negate ? '^' : '') + ranges.join('') + ']';
    const snegs = '[' + (negate ? '' : '^') + negs.join('') + ']';
    const comb = '^' +
        (ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
            : ranges.length ? sranges
                : snegs);
    return [new RegExp(comb, nocase ? 'iu' : 'u'), endPos - pos];
};
//# sourceMappingURL=parse-class.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js


// the end of the pattern, or of a negated sub-pattern
const MATCH = { t: 'match', id: 0 };
const extTypes = '!?+*@';
const lit = (ch) => ({ t: 'lit', ch });
const reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
// a RegExp that only matches `s`, with unicode case folding
const newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, 'iu');
// foldRe for one literal char. The same chars are in most patterns,
// so keep them. A RegExp without the `g` or `y` flag has no state to
// share.
const foldCache = new Map();
const foldRe = (ch) => {
    let re = foldCache.get(ch);
    if (!re) {
        re = newFoldRe(ch);
        if (foldCache.size >= 1000)
            foldCache.clear();
        foldCache.set(ch, re);
    }
    return re;
};
const litMatch = (l, c) => {
    if (c === l.ch)
        return true;
    if (!l.re)
        return false;
    const code = c.charCodeAt(0);
    if (code >= 128)
        return l.re.test(c);
    const ascii = (l.ascii ??= new Uint8Array(128));
    ascii[code] ||= l.re.test(c) ? 1 : 2;
    return ascii[code] === 1;
};
const tokenize = (p, nocase, noext, form, mark) => {
    const toks = [];
    for (let i = 0; i < p.length;) {
        const c = String.fromCodePoint(p.codePointAt(i));
        if (mark) {
            // a \ before a range would only escape its first char
            const m = c === '\\' && p.startsWith(mark, i + 1) ? 1 : 0;
            if (m || c === mark) {
                const start = i + m + mark.length;
                const end = p.indexOf(mark, start);
                const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
                const alts = end !== -1 && r && numericRange(r[1], r[2]);
                if (alts) {
                    toks.push({ t: 'ext', type: '@', alts });
                    i = end + mark.length;
                    continue;
                }
            }
        }
        if (c === '\\') {
            // a trailing \ is a literal \
            const e = p.codePointAt(i + 1);
            const ch = e === undefined ? c : String.fromCodePoint(e);
            toks.push(lit(ch));
            i += 1 + ch.length;
            continue;
        }
        if (c === '[') {
            const [re, consumed] = parseClass(p, i, nocase, form);
            if (consumed) {
                toks.push({ t: 'class', re });
                i += consumed;
                continue;
            }
        }
        if (!noext && extTypes.includes(c) && p[i + 1] === '(') {
            toks.push({ t: 'open', type: c });
            i += 2;
            continue;
        }
        toks.push(!noext && c === '|' ? { t: 'bar' }
            : !noext && c === ')' ? { t: 'close' }
                : c === '*' ? { t: 'star' }
                    : c === '?' ? { t: 'any' }
                        : lit(c));
        i += c.length;
    }
    return toks;
};
// map each open token index to the index of its close token
const pair = (toks) => {
    const pairs = new Map();
    const stack = [];
    toks.forEach((tok, i) => {
        if (tok.t === 'open')
            stack.push(i);
        else if (tok.t === 'close' && stack.length)
            pairs.set(stack.pop(), i);
    });
    return pairs;
};
// build the alternatives between start and end. An open token that
// is not closed is never inside a closed extglob, so bar and close
// tokens are only literal at the top level.
const build = (toks, pairs, start, end, top) => {
    let seq = [];
    const alts = [seq];
    for (let i = start; i < end; i++) {
        const tok = toks[i];
        const close = pairs.get(i);
        if (tok.t === 'open' && close !== undefined) {
            const sub = build(toks, pairs, i + 1, close, false);
            seq.push({ t: 'ext', type: tok.type, alts: sub });
            i = close;
        }
        else if (tok.t === 'bar' && !top) {
            alts.push((seq = []));
        }
        else if (tok.t === 'open') {
            seq.push(lit(tok.type), lit('('));
        }
        else if (tok.t === 'bar') {
            seq.push(lit('|'));
        }
        else if (tok.t === 'close') {
            seq.push(lit(')'));
        }
        else {
            seq.push(tok);
        }
    }
    return alts;
};
// normalize each run of literal chars as one string, so that a char
// and the combining marks after it compose (or decompose) together.
// Syntax is already parsed, so a char that normalizes to a syntax
// char (such as full-width `\uff0a` in NFKC) stays a literal.
const normalize = (items, form) => {
    const out = [];
    let run = '';
    const flush = () => {
        for (const ch of run.normalize(form))
            out.push(lit(ch));
        run = '';
    };
    for (const it of items) {
        if (it.t === 'lit') {
            run += it.ch;
            continue;
        }
        flush();
        out.push(it.t === 'ext' ?
            { ...it, alts: it.alts.map(a => normalize(a, form)) }
            : it);
    }
    flush();
    return out;
};
// the start node, and the number of node ids. Ids are dense, from 0
// for the match node.
const compile = (items, nocase) => {
    let id = 1;
    const split = (out) => ({ t: 'split', id: id++, out });
    const seq = (items, next) => items.reduceRight((next, it) => item(it, next), next);
    const item = (it, next) => {
        switch (it.t) {
            case 'lit':
                const re = nocase ? foldRe(it.ch) : undefined;
                return { t: 'lit', id: id++, ch: it.ch, re, next };
            case 'any':
            case 'star':
                return { t: it.t, id: id++, next };
            case 'class':
                return { t: 'class', id: id++, re: it.re, next };
        }
        const alts = (next) => it.alts.map(a => seq(a, next));
        switch (it.type) {
            case '@':
                return split(alts(next));
            case '?':
                return split([next, ...alts(next)]);
            case '!':
                return { t: 'neg', id: id++, sub: split(alts(MATCH)), next };
        }
        // * and +, loop back after each match
        const after = split([]);
        const entry = split(alts(after));
        after.out.push(next, entry);
        return it.type === '*' ? after : entry;
    };
    const start = seq(items, MATCH);
    return [start, id];
};
// one line per node, in the order that a walk from the start
// reaches them. Edges point to node ids. The nodes of a negated
// sub-pattern are indented under their negation.
const show = (start) => {
    const lines = [];
    const seen = new Set();
    const ref = (n) => (n.t === 'match' ? 'match' : String(n.id));
    const walk = (n, indent) => {
        if (n.t === 'match' || seen.has(n))
            return;
        seen.add(n);
        const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
        switch (n.t) {
            case 'split':
                line(`split -> ${n.out.map(ref).join(', ')}`);
                for (const o of n.out)
                    walk(o, indent);
                return;
            case 'neg':
                line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
                walk(n.sub, indent + '  ');
                return walk(n.next, indent);
            case 'lit':
                line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
                break;
            case 'class':
                line(`${n.re} -> ${ref(n.next)}`);
                break;
            default:
                line(`${n.t === 'any' ? '?' : '*'} -> ${ref(n.next)}`);
        }
        walk(n.next, indent);
    };
    walk(start, '');
    return [`start -> ${ref(start)}`, ...lines].join('\n');
};
// The threads at one position in the string. Each node thread is
// only kept once, and runs with the same state are only kept once,
// so that identical threads merge. The match node is not in
// `threads`, because it can not step. It sets `match` instead.
class State {
    // set by the Sim, to mark the nodes that this state has
    gen;
    threads = [];
    match = false;
    runs = [];
    // the sorted ids of the threads, with 0 for a match, once the
    // state is done
    ids = [];
    constructor(gen) {
        this.gen = gen;
    }
    // no threads, so nothing more can match
    get dead() {
        return !this.threads.length && !this.match && !this.runs.length;
    }
}
// true if the two states hold the same threads
const sameState = (a, b) => {
    if (a.ids.length !== b.ids.length)
        return false;
    if (a.runs.length !== b.runs.length)
        return false;
    if (a.ids.some((id, i) => id !== b.ids[i]))
        return false;
    return a.runs.every(r => b.runs.some(o => o.neg === r.neg && sameState(o.state, r.state)));
};
const marks = (size) => ({
    has: new Float64Array(size),
    seen: new Float64Array(size),
    gen: 0,
});
class Sim {
    // `.` and `..` only match literal dots, even with `dot:true`
    dots;
    // the string starts with `.`, and `dot:true` is not set
    dotStart;
    #marks;
    constructor(dots, dotStart, marks) {
        this.dots = dots;
        this.dotStart = dotStart;
        this.#marks = marks;
    }
    state() {
        return new State(++this.#marks.gen);
    }
    // sort the ids of a state, once it has all of its threads
    done(state) {
        state.ids = state.threads.map(n => n.id).sort((a, b) => a - b);
        if (state.match)
            state.ids.unshift(MATCH.id);
        return state;
    }
    // true the first time that the state walks through the node, so
    // that loops in the graph stop
    #visit(state, node) {
        const { seen } = this.#marks;
        if (seen[node.id] === state.gen)
            return false;
        seen[node.id] = state.gen;
        return true;
    }
    #addThread(state, node) {
        const { has } = this.#marks;
        if (has[node.id] === state.gen)
            return false;
        has[node.id] = state.gen;
        state.threads.push(node);
        return true;
    }
    // wildcards only match a leading dot if `dot:true`. In a negated
    // sub-pattern, this does not apply, because the negation itself
    // can not match a leading dot.
    restricted(i, top) {
        return top && (this.dots || (this.dotStart && i === 0));
    }
    add(state, node, i, top) {
        switch (node.t) {
            case 'split':
                if (!this.#visit(state, node))
                    return;
                for (const o of node.out)
                    this.add(state, o, i, top);
                return;
            case 'neg':
                if (!this.#visit(state, node))
                    return;
                const sub = this.state();
                this.add(sub, node.sub, i, false);
                this.done(sub);
                return this.addRun(state, { t: 'run', neg: node, state: sub }, i, top);
            case 'star':
                // a * can not start a dotfile, even if it matches nothing
                if (this.restricted(i, top))
                    return;
                if (this.#addThread(state, node))
                    this.add(state, node.next, i, top);
                return;
            case 'match':
                state.match = true;
                return;
            default:
                this.#addThread(state, node);
        }
    }
    addRun(state, run, i, top) {
        for (const r of state.runs) {
            if (r.neg === run.neg && sameState(r.state, run.state))
                return;
        }
        state.runs.push(run);
        if (!run.state.match) {
            this.add(state, run.neg.next, i, top);
        }
    }
    // the threads after char `c`, at index `i`
    step(state, c, i, top) {
        const next = this.state();
        for (const th of state.threads) {
            switch (th.t) {
                case 'lit':
                    if (litMatch(th, c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'any':
                    if (!this.restricted(i, top))
                        this.add(next, th.next, i + 1, top);
                    break;
                case 'class':
                    if (!this.restricted(i, top) && th.re.test(c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'star':
                    if (!this.restricted(i, top))
                        this.add(next, th, i + 1, top);
            }
        }
        if (!this.restricted(i, top)) {
            for (const run of state.runs) {
                // a sub-pattern with no threads can not match again, so the
                // run stays the same
                if (run.state.dead) {
                    this.addRun(next, run, i + 1, top);
                    continue;
                }
                const sub = this.step(run.state, c, i, false);
                this.addRun(next, { t: 'run', neg: run.neg, state: sub }, i + 1, top);
            }
        }
        return this.done(next);
    }
}
// A canonical key for the threads in a state. States with the same
// key hold the same threads, so they match the same strings.
const stateKey = (state) => {
    const ids = state.ids.join();
    if (!state.runs.length)
        return ids;
    const runs = state.runs.map(r => `${r.neg.id}(${stateKey(r.state)})`);
    return `${ids}|${runs.sort().join('|')}`;
};
// The cache can hold about this many chars of state keys and
// transitions. When it is full, it is cleared, so that a pattern
// can not use an unbounded amount of memory.
const DFA_BUDGET = 1 << 18;
// A cache of the states that the simulation reaches, built as the
// matcher is used. Each char of a string is then one Map lookup,
// once the states that it leads to are known.
//
// The dot rules only restrict the first char of a dotfile (strings
// that are only `.` or `..` do not use the cache). So a dotfile
// starts at its own state, which takes its first step with the
// restriction, and every other state takes steps without it.
class Dfa {
    #start;
    #states = new Map();
    #size = 0;
    #plain;
    #dotStart;
    #sim;
    #dotSim;
    constructor(start, marks) {
        this.#start = start;
        this.#sim = new Sim(false, false, marks);
        this.#dotSim = new Sim(false, true, marks);
    }
    #make(state) {
        return {
            state,
            match: state.match,
            dead: state.dead,
            next: new Map(),
        };
    }
    #intern(state) {
        const key = stateKey(state);
        const found = this.#states.get(key);
        if (found)
            return found;
        if (this.#size > DFA_BUDGET)
            this.#clear();
        const d = this.#make(state);
        this.#states.set(key, d);
        this.#size += key.length + 1;
        return d;
    }
    #clear() {
        this.#states.clear();
        this.#size = 0;
        this.#plain = undefined;
        this.#dotStart = undefined;
    }
    start(dotStart) {
        if (dotStart) {
            if (this.#dotStart)
                return this.#dotStart;
            const state = this.#dotSim.state();
            this.#dotSim.add(state, this.#start, 0, true);
            return (this.#dotStart = this.#make(this.#dotSim.done(state)));
        }
        if (this.#plain)
            return this.#plain;
        const state = this.#sim.state();
        this.#sim.add(state, this.#start, 0, true);
        return (this.#plain = this.#intern(this.#sim.done(state)));
    }
    // the next state, after a miss in `d.ascii`
    next(d, c) {
        const code = c.charCodeAt(0);
        const found = code < 128 ? undefined : d.next.get(c);
        if (found)
            return found;
        // the dotfile start is not in the cache, so it is never shared
        const n = d === this.#dotStart ?
            this.#intern(this.#dotSim.step(d.state, c, 0, true))
            : this.#intern(this.#sim.step(d.state, c, 1, true));
        if (code < 128) {
            if (!d.ascii) {
                d.ascii = new Array(128);
                this.#size += 128;
            }
            d.ascii[code] = n;
        }
        else {
            d.next.set(c, n);
        }
        this.#size++;
        return n;
    }
}
// the nodes in order, if the graph is a single chain
const linear = (start) => {
    const nodes = [];
    for (let n = start; n.t !== 'match'; n = n.next) {
        if (n.t === 'split' || n.t === 'neg')
            return undefined;
        nodes.push(n);
    }
    return nodes;
};
// Match a chain of nodes. Each node other than `*` matches exactly
// one char, so on a failure it is enough to go back to the last `*`
// and let it match one more char. This takes at most
// nodes.length * chars.length steps.
const testLinear = (nodes, chars, start, end) => {
    let ni = 0;
    let ci = start;
    let starNi = -1;
    let starCi = 0;
    while (ci < end) {
        const n = nodes[ni];
        if (n?.t === 'star') {
            starNi = ni++;
            starCi = ci;
            continue;
        }
        const c = chars[ci];
        if (n &&
            (n.t === 'any' ||
                (n.t === 'lit' && litMatch(n, c)) ||
                (n.t === 'class' && n.re.test(c)))) {
            ni++;
            ci++;
            continue;
        }
        if (starNi === -1)
            return false;
        ni = starNi + 1;
        ci = ++starCi;
    }
    while (nodes[ni]?.t === 'star')
        ni++;
    return ni === nodes.length;
};
// The least and most chars that the items can match. These are only
// bounds: a negation can match a string of any length, so it counts
// as 0 to Infinity.
const lengths = (items) => {
    let min = 0;
    let max = 0;
    for (const it of items) {
        const [lo, hi] = itemLengths(it);
        min += lo;
        max += hi;
    }
    return [min, max];
};
const itemLengths = (it) => {
    if (it.t === 'star')
        return [0, Infinity];
    if (it.t !== 'ext')
        return [1, 1];
    if (it.type === '!')
        return [0, Infinity];
    const alts = it.alts.map(lengths);
    const min = Math.min(...alts.map(a => a[0]));
    const max = Math.max(...alts.map(a => a[1]));
    // a loop of alternatives that only match the empty string is empty
    const loop = max === 0 ? 0 : Infinity;
    return (it.type === '@' ? [min, max]
        : it.type === '?' ? [0, max]
            : it.type === '*' ? [0, loop]
                : [min, loop]);
};
// true if the chars from `start` match the literals
const hasAffix = (lits, chars, start) => {
    for (let j = 0; j < lits.length; j++) {
        if (!litMatch(lits[j], chars[start + j]))
            return false;
    }
    return true;
};
// a `/`, or half of a surrogate pair
const slashOrSurrogate = /[/\ud800-\udfff]/;
const surrogate = /[\ud800-\udfff]/;
// a string can be indexed by code point, unless it has surrogate
// pairs
const codePoints = (s) => surrogate.test(s) ? [...s] : s;
const noSlash = (s) => {
    if (s.includes('/')) {
        throw new Error('can only match a single path portion, got: ' + s);
    }
};
class Matcher {
    pattern;
    options;
    #start;
    // the number of node ids
    #size;
    #marks;
    // the Sim for strings that are only `.` or `..`
    #dotsSim;
    // the string to compare, if the pattern has no magic. With
    // `nocase:true`, the RegExp that folds case is made when it is
    // first used.
    #literal;
    #literalFold = false;
    #literalRe;
    // the nodes between the prefix and suffix, if the graph is a
    // single chain
    #linear;
    // the linear nodes are only `*` and `?`, so the length bounds and
    // the prefix and suffix decide the match
    #wild = false;
    // the least and most chars that a match can have
    #min = 0;
    #max = Infinity;
    // the literals that a match must start and end with. Each one
    // matches exactly one char, and they are distinct items in the
    // pattern, so a string that does not have them can not match.
    #prefix = [];
    #suffix = [];
    // the prefix and suffix as strings, if they do not fold case
    #prefixStr;
    #suffixStr;
    // there is a prefix or suffix to check
    #affix = false;
    #dfa;
    #form;
    constructor(pattern, options = {}) {
        if (pattern.includes('/')) {
            throw new Error('can only match a single path portion, got pattern: ' + pattern);
        }
        this.pattern = pattern;
        this.options = options;
        const { nocase = false, noext = false, normalize: n } = options;
        this.#form = n === true ? 'NFC' : n || undefined;
        // a pattern that is only an empty extglob is a literal string,
        // except for `!()`, which matches any non-empty string
        const literal = /^[?*+@]\(\)$/.test(pattern);
        const toks = tokenize(pattern, nocase, noext || literal, this.#form, options.rangeMark);
        let [items] = build(toks, pair(toks), 0, toks.length, true);
        if (this.#form)
            items = normalize(items, this.#form);
        const [start, size] = compile(items, nocase);
        this.#start = start;
        this.#size = size;
        if (items.every(it => it.t === 'lit')) {
            this.#literal = items.map(it => it.ch).join('');
            this.#literalFold = nocase;
        }
        else {
            const lit = (it) => it.t !== 'lit' ? undefined
                : nocase ? { ch: it.ch, re: foldRe(it.ch) }
                    : { ch: it.ch };
            for (const it of items) {
                const l = lit(it);
                if (!l)
                    break;
                this.#prefix.push(l);
            }
            for (let j = items.length - 1; j >= 0; j--) {
                const l = lit(items[j]);
                if (!l)
                    break;
                this.#suffix.unshift(l);
            }
            this.#affix = !!(this.#prefix.length || this.#suffix.length);
            if (!nocase) {
                this.#prefixStr = this.#prefix.map(l => l.ch).join('');
                this.#suffixStr = this.#suffix.map(l => l.ch).join('');
            }
            this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || undefined);
            this.#wild = !!this.#linear?.every(n => n.t === 'star' || n.t === 'any');
            const [min, max] = lengths(items);
            this.#min = min;
            this.#max = max;
        }
    }
    test(s) {
        // The `/` check uses the string as given, so with normalization it
        // is a separate step. Otherwise, one scan finds both a `/` and the
        // surrogate pairs that stop the string being indexed by code point.
        if (this.#form) {
            noSlash(s);
            return this.#test(s.normalize(this.#form));
        }
        if (slashOrSurrogate.test(s)) {
            noSlash(s);
            return this.#test(s, [...s]);
        }
        return this.#test(s, s);
    }
    /**
     * The same as {@link Matcher#test}, but the string is not checked
     * for `/` chars, so the result for a string that has one is not
     * defined. Only use it for a string that is known to be one path
     * portion, such as a part of a path that was split on `/`. It can
     * be faster, because some patterns do not need to look at each char
     * of the string.
     */
    testUnchecked(s) {
        return this.#test(this.#form ? s.normalize(this.#form) : s);
    }
    // Test a string that has no `/`. `chars` indexes it by code point.
    // If it is not given, it is only found if a step needs it.
    #test(s, chars) {
        if (this.#literal !== undefined) {
            return this.#literalFold ?
                (this.#literalRe ??= newFoldRe(this.#literal)).test(s)
                : s === this.#literal;
        }
        // the length check means that the prefix and suffix do not
        // overlap. Without the chars, the length in code points is from
        // half of the UTF-16 length (if each one is a surrogate pair) to
        // all of it, which is often enough to know.
        const min = this.#min;
        const max = this.#max;
        if (chars === undefined) {
            const most = s.length;
            const least = (most + 1) >> 1;
            if (most < min || least > max)
                return false;
            if (least < min || most > max)
                chars = codePoints(s);
        }
        if (chars !== undefined &&
            (chars.length < min || chars.length > max)) {
            return false;
        }
        const prefix = this.#prefix.length;
        if (this.#affix) {
            if (this.#prefixStr !== undefined && this.#suffixStr !== undefined) {
                if (!s.startsWith(this.#prefixStr) ||
                    !s.endsWith(this.#suffixStr)) {
                    return false;
                }
            }
            else {
                chars ??= codePoints(s);
                const end = chars.length - this.#suffix.length;
                if (!hasAffix(this.#prefix, chars, 0) ||
                    !hasAffix(this.#suffix, chars, end)) {
                    return false;
                }
            }
        }
        const dotStart = !this.options.dot && s.startsWith('.');
        if (this.#linear) {
            // `.` and `..` only match literal dots, even with `dot:true`
            if (s === '.' || s === '..')
                return false;
            // only a literal can match the leading dot. A `*` can not
            // start a dotfile, even if it matches nothing.
            if (dotStart && !prefix)
                return false;
            if (this.#wild)
                return true;
            chars ??= codePoints(s);
            const end = chars.length - this.#suffix.length;
            return testLinear(this.#linear, chars, prefix, end);
        }
        chars ??= codePoints(s);
        if (s === '.' || s === '..') {
            this.#marks ??= marks(this.#size);
            const sim = (this.#dotsSim ??= new Sim(true, false, this.#marks));
            const start = sim.state();
            sim.add(start, this.#start, 0, true);
            let state = sim.done(start);
            for (let i = 0; i < chars.length; i++) {
                state = sim.step(state, chars[i], i, true);
            }
            return state.match;
        }
        this.#marks ??= marks(this.#size);
        const dfa = (this.#dfa ??= new Dfa(this.#start, this.#marks));
        let d = dfa.start(dotStart);
        // read char codes from the string, so that a one-char string is
        // only made for a cache miss
        const str = chars === s;
        for (let i = 0; i < chars.length; i++) {
            if (d.dead)
                return false;
            const code = str ? s.charCodeAt(i) : chars[i].charCodeAt(0);
            d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
        }
        return d.match;
    }
    /** a readable listing of the state machine */
    toString() {
        return show(this.#start);
    }
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 *
 * A leading `#` or `!` is escaped as well, so that the result is never a
 * comment or a negated pattern. In `windowsPathsNoEscape` mode, a leading
 * `!` is written as `@(!)`, because `[!` starts a negated class.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    // However, at the start of the pattern, '!' negates the pattern and
    // '#' makes it a comment, so the first character is handled below.
    const e = magicalBraces ?
        windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&')
        : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, '[$&]')
            : s.replace(/[?*()[\]\\]/g, '\\$&');
    const c = e.charAt(0);
    if (c === '#') {
        return (windowsPathsNoEscape ? '[#]' : '\\#') + e.slice(1);
    }
    if (c === '!') {
        // '[!]' can not be used, because '[!' starts a negated class, and
        // '\' is a path separator in windowsPathsNoEscape mode. '@(!)'
        // matches only '!'. If extglobs are disabled with `noext`, it
        // matches nothing, rather than everything.
        return (windowsPathsNoEscape ? '@(!)' : '\\!') + e.slice(1);
    }
    return e;
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    // escape() writes a leading '!' as '@(!)' in windowsPathsNoEscape mode
    if (windowsPathsNoEscape && s.startsWith('@(!)')) {
        return ('!' + unescape_unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces }));
    }
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/index.js





const DEFAULT_BRACE_EXPAND_MAX = 100_000;
const DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
// avoid the annoying deprecation flag lol
const AWE_KEY = ('allowWindow' + 'sEscape');
const minimatch = (p, pattern, options) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options?.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return cachedMinimatch(pattern, options).match(p);
};
// The Minimatch objects that minimatch() used most recently, by options
// and then by pattern. When the cache is full, it becomes the old one,
// and the objects used from the old one are moved back to a new one.
// So it keeps 256 to 512 objects.
// The patterns can come from users, so the cache is also bounded by
// the total weight of the objects (see cacheWeight()), and an object
// that is too heavy is never kept. Otherwise a few unique patterns
// with large brace expansions would fill the heap.
let cache = new Map();
let oldCache = new Map();
let cacheSize = 0;
let cacheTotalWeight = 0;
const cacheMax = 256;
const cacheMaxWeight = 1 << 15;
const cacheMaxEntryWeight = 1 << 12;
// About the memory that a compiled object keeps: the pattern and the
// expanded patterns, of which each row in set is made.
const cacheWeight = (mm) => {
    let w = mm.pattern.length;
    for (const s of mm.globSet) {
        w += s.length + 1;
        if (w > cacheMaxEntryWeight)
            break;
    }
    return w;
};
// tsc fails here if a new option is in neither type. Add it to
// optionsKey() too.
const allOptionsKeyed = true;
void allOptionsKeyed;
// 0, 1 or 2 for undefined, falsy or truthy.
const tri = (v) => v === undefined ? 0
    : v ? 2
        : 1;
// The weight of each boolean option's base-3 digit in the key. The
// weights below 24 are for optimizationLevel (1), platform (3) and
// windowsPathsNoEscape (12). tsc fails here if a boolean option is
// not in the list.
const booleanWeights = new Map(Object.keys({
    nobrace: 0,
    nocomment: 0,
    nonegate: 0,
    noglobstar: 0,
    noext: 0,
    nonull: 0,
    partial: 0,
    dot: 0,
    nocase: 0,
    nocaseMagicOnly: 0,
    magicalBraces: 0,
    matchBase: 0,
    flipNegate: 0,
    preserveMultipleSlashes: 0,
    windowsNoMagicRoot: 0,
}).map((k, i) => [k, 24 * 3 ** i]));
// The cache key for a set of options. It is a number, unless an
// option is set to a value that the number can not show, such as
// normalize or an uncommon platform. Then it is a JSON string.
// The defaults give 0, the same key as no options.
// It only reads the keys that are set, so that the speed does not
// depend on the shape of the options object.
const optionsKey = (o) => {
    let n = 0;
    let wpe = false;
    // inherited keys too, because Minimatch reads them
    // oxlint-disable-next-line guard-for-in
    for (const k in o) {
        const v = o[k];
        switch (k) {
            // the same test as the Minimatch constructor
            case 'windowsPathsNoEscape':
                if (v)
                    wpe = true;
                break;
            case AWE_KEY:
                if (v === false)
                    wpe = true;
                break;
            case 'platform': {
                // the same test as the Minimatch constructor
                const p = v || defaultPlatform;
                if (p === defaultPlatform)
                    break;
                if (p === 'darwin')
                    n += 3;
                else if (p === 'win32')
                    n += 6;
                else if (p === 'linux')
                    n += 9;
                else
                    return JSON.stringify(o);
                break;
            }
            case 'optimizationLevel':
                // The same tests as Minimatch: 1 when undefined, then >= 2,
                // >= 1, or else 0. The default level 1 adds 0.
                if (v === undefined)
                    break;
                n +=
                    v >= 2 ? 1
                        : v >= 1 ? 0
                            : 2;
                break;
            case 'braceExpandMax':
                if (v !== undefined && v !== DEFAULT_BRACE_EXPAND_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'maxGlobstarRecursion':
                if (v !== undefined && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'normalize':
                if (v !== undefined)
                    return JSON.stringify(o);
                break;
            default:
                // unknown keys have no weight
                n += (booleanWeights.get(k) ?? 0) * tri(v);
        }
    }
    return wpe ? n + 12 : n;
};
// A copy, so a later change to the options can not change it. Unlike
// a spread, it keeps the inherited keys, which optionsKey() and the
// Minimatch constructor also read.
const copyOptions = (o) => {
    const copy = {};
    // oxlint-disable-next-line guard-for-in
    for (const k in o)
        copy[k] = o[k];
    return copy;
};
const cachedMinimatch = (pattern, options) => {
    const key = options ? optionsKey(options) : 0;
    let mm = cache.get(key)?.get(pattern);
    if (mm)
        return mm;
    mm =
        oldCache.get(key)?.get(pattern) ??
            new Minimatch(pattern, copyOptions(options));
    const weight = cacheWeight(mm);
    // too big to keep, so it is compiled again each time
    if (weight > cacheMaxEntryWeight)
        return mm;
    if (cacheSize >= cacheMax ||
        cacheTotalWeight + weight > cacheMaxWeight) {
        oldCache = cache;
        cache = new Map();
        cacheSize = 0;
        cacheTotalWeight = 0;
    }
    let byPattern = cache.get(key);
    if (!byPattern)
        cache.set(key, (byPattern = new Map()));
    byPattern.set(pattern, mm);
    cacheSize++;
    cacheTotalWeight += weight;
    return mm;
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
const filter = (pattern, options) => {
    let mm;
    return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    // brace-expansion turns each escaped backslash '\\' into a single '\',
    // which then escapes the next character instead, and can turn an
    // escaped magic character (for example '\\\*') into a live one.
    // Double every pair, so an escaped backslash comes back out still
    // escaped. The parity of each run of backslashes is unchanged.
    let p = pattern.replace(/\\\\/g, '\\\\\\\\');
    // brace-expansion does not know about [...] classes. In
    // windowsPathsNoEscape mode, escape() writes a literal brace as '[{]'
    // or '[}]'. Escape the brace for brace-expansion, which removes that
    // backslash again, leaving '[{]' or '[}]'.
    if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
        p = p.replace(/\[([{}])\]/g, '[\\$1]');
    }
    return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// A numeric range with at least this many values is matched as one
// pattern portion, rather than expanded. For a glob walk, that is
// one directory read, in place of a stat for each value.
const RANGE_MIN = 100;
// a {lo..hi} range that is not escaped, and not a ${...} variable
const rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
// true if a range mark in this portion is inside a `!(...)`,
// `*(...)` or `+(...)` extglob. Those repeat or negate their
// contents, so one Matcher for the whole range does not match the
// same strings as the union of one pattern per value. For example,
// `*({1..100})` would match `510` as `5` then `10`, and `!({1..100})`
// would not match `5`, but every expanded pattern except `!(5)` does.
// `@(...)` and `?(...)` are fine: they pick one value at most.
const inRepeatOrNegExt = (portion, mark) => {
    const stack = [];
    for (let i = 0; i < portion.length; i++) {
        const c = portion.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if (c === mark) {
            if (stack.some(t => t !== '@' && t !== '?'))
                return true;
        }
        else if (portion.charAt(i + 1) === '(' && '!?+*@'.includes(c)) {
            stack.push(c);
            i++;
        }
        else if (c === ')') {
            stack.pop();
        }
    }
    return false;
};
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
// Index of the `]` that closes the class that starts at `start`,
// or -1 if it is not closed. Posix classes such as `[:alpha:]` are
// not skipped, so this can find a `]` before the real end. That
// only makes a class look less like a literal.
const classEnd = (pattern, start) => {
    let i = start + 1;
    if (pattern.charAt(i) === '!' || pattern.charAt(i) === '^')
        i++;
    let sawStart = false;
    for (; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === ']' && sawStart)
            return i;
        sawStart = true;
        if (c === '\\')
            i++;
    }
    return -1;
};
// If a path portion pattern has no magic, return the string it
// matches. Otherwise, return undefined. This can report magic for
// a pattern that is in fact literal (eg, `[]`), but never the
// reverse, so a string result is always safe to compare directly.
const literal = (pattern, noext) => {
    if (!noext && (pattern === '+()' || pattern === '@()'))
        return pattern;
    let lit = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            // a trailing \ is a literal \
            lit += pattern.charAt(++i) || c;
        }
        else if (c === '*' || c === '?') {
            return undefined;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close === -1) {
                // not closed, so the [ is a literal
                lit += c;
                continue;
            }
            // a class of one char, such as `[*]` or `[\b]`, is a literal
            let body = pattern.slice(i + 1, close);
            if (body.startsWith('\\'))
                body = body.slice(1);
            if ([...body].length !== 1 || '!^'.includes(pattern.charAt(i + 1))) {
                return undefined;
            }
            lit += body;
            i = close;
        }
        else if (!noext &&
            '+@!'.includes(c) &&
            pattern.charAt(i + 1) === '(' &&
            pattern.includes(')', i + 2)) {
            return undefined;
        }
        else {
            lit += c;
        }
    }
    return lit;
};
// The matching engine compiles and walks extglobs recursively, so a
// path portion with very many extglobs (nested, such as `*(*(*(a)))`,
// or in a row, such as `?(a)?(a)?(a)`) can exhaust the call stack.
// Portions with more than this many extglobs are rejected.
const MAX_EXTGLOBS = 256;
// The number of extglob openers, such as `*(`, in a path portion
// pattern. Chars in a class are counted too, so this can be more than
// the number of extglobs, but never less.
const extglobCount = (pattern) => {
    let n = 0;
    for (let i = 0; i < pattern.length - 1; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            n++;
            i++;
        }
    }
    return n;
};
const assertValidExtglobs = (pattern) => {
    if (extglobCount(pattern) > MAX_EXTGLOBS) {
        throw new TypeError('pattern has too many extglobs');
    }
};
// True if the portion pattern has the same meaning as an alternative
// inside `@(...)`. It must not have a `|` or `)` that is not in a
// closed extglob (those are literal at the top level), an extglob
// that is not closed (the `)` of the `@(...)` would close it), or a
// trailing `\` (it would escape the next `|`). A pattern that is
// only an empty extglob, such as `?()`, is literal on its own, but
// not in `@(...)`. Posix classes such as `[:alpha:]` can hide a `]`
// from classEnd, so patterns with them are not merged.
const extSafe = (pattern) => {
    if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes('[:'))
        return false;
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            if (++i === pattern.length)
                return false;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close !== -1)
                i = close;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            depth++;
            i++;
        }
        else if (c === ')') {
            if (!depth--)
                return false;
        }
        else if (c === '|' && !depth) {
            return false;
        }
    }
    return !depth;
};
// The last path that Minimatch#match split, and its parts. A path is
// often tested against many patterns in a row (such as a list of
// ignore patterns), so this saves splitting it again. The parts are
// never changed, so they can be shared.
let lastSplit;
// The last path that Minimatch#match checked before splitting it. If
// the same path is checked again, it is being tested against many
// patterns, so it is split and the parts are kept for the others.
let lastChecked;
// true if a pattern portion that is not ** matches a path portion.
// An empty path portion only matches an empty pattern portion. A path
// portion never has a `/`, so the Matcher does not need to check it.
const portionMatch = (p, f) => typeof p === 'string' ? f === p : f !== '' && p.testUnchecked(f);
// Where the last portion of a row matches in a path: the start of the
// last portion of the path, or of the one before a trailing `/`. -1 if
// it matches neither.
const endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart
    : prev !== undefined && portionMatch(p, prev) ? prevStart
        : -1;
const isDots = (p) => p === '.' || p === '..';
// a Windows drive letter portion, like `c:`
const isDrive = (p) => typeof p === 'string' && /^[a-z]:$/i.test(p);
// true for the `UNC` portion of a long UNC root, //?/UNC/host/share
const isLongUNC = (p) => typeof p === 'string' && /^unc$/i.test(p);
// The index of the host in a row or split path that starts with a
// Windows UNC root: 2 for `//host/share`, and 4 for
// `//?/UNC/host/share`. Otherwise -1. `//?/c:` is not one.
const uncHost = (p) => {
    if (p[0] !== '' || p[1] !== '')
        return -1;
    const h = p[2] !== '?' ? 2
        : isLongUNC(p[3]) ? 4
            : -1;
    const host = p[h];
    const share = p[h + 1];
    return (h !== -1 &&
        host !== undefined &&
        host !== '' &&
        host !== GLOBSTAR &&
        share !== undefined &&
        share !== '' &&
        share !== GLOBSTAR) ?
        h
        : -1;
};
// true if ** can walk the path portion: not `.` or `..`, and not a
// dotfile unless `dot` is set
const walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith('.'));
// True if a portion of the path from `start` to `end` can not be
// walked by **: one that starts with `.`, or with `dot`, one that is
// `.` or `..`. `start` is the start of a portion, and `end` is the end
// of the path, or just after a separator.
const dotPortion = (f, start, end, dot, sep) => {
    for (let k = start; k < end;) {
        if (f.charCodeAt(k) === 46) {
            if (!dot)
                return true;
            const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
            if (n >= end || isSep(f.charCodeAt(n), sep))
                return true;
        }
        // the start of the next portion, after any run of separators
        const s = nextSep(f, k, sep);
        if (s === -1)
            return false;
        k = s + 1;
        while (k < end && isSep(f.charCodeAt(k), sep))
            k++;
    }
    return false;
};
const isSep = (c, sep) => sep === '/' ? c === 47
    : sep === '\\' ? c === 92
        : c === 47 || c === 92;
// the index of the first separator at or after `from`, or -1
const nextSep = (f, from, sep) => {
    if (sep !== 'both')
        return f.indexOf(sep, from);
    const s = f.indexOf('/', from);
    const b = f.indexOf('\\', from);
    return (s === -1 ? b
        : b === -1 ? s
            : Math.min(s, b));
};
// the index of the last separator at or before `from`, or -1
const lastSep = (f, from, sep) => sep !== 'both' ?
    f.lastIndexOf(sep, from)
    : Math.max(f.lastIndexOf('/', from), f.lastIndexOf('\\', from));
// What parse() returns in place of a Matcher while make() builds and
// merges the rows. Most of the Matchers in rows that are merged would
// never be used, so they are only made for the rows that are left.
const PENDING = {};
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    // the path can be checked against the last portion, and the string
    // portions, of each row before it is split. See #canMatch.
    #endCheck;
    #literalCheck;
    // level 2 resolves `.` and `..` portions in the path
    #level2;
    // the unicode normalization form, if any
    #form;
    // the string portions of each row in the set
    #literals = [];
    // the rows that #canMatch can match without splitting the path
    #shapes = [];
    // the rows whose last portion can be checked against the path's
    #endRows = [];
    // brace expansion can make the same portion in many rows, so they
    // share one Matcher, and the states that it caches
    #matchers = new Map();
    // parse() returns PENDING in place of a Matcher
    #pending = false;
    // the char that marks numeric ranges in globSet, if any
    #rangeMark;
    // the GlobstarParts of each pattern row, by start index and partial
    #globstarParts = new WeakMap();
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion =
            options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        this.#endCheck = !this.preserveMultipleSlashes;
        this.#level2 = (options.optimizationLevel ?? 1) >= 2;
        const n = options.normalize;
        this.#form = n === true ? 'NFC' : n || undefined;
        // make the set of Matchers etc.
        this.make();
        // On Windows, the portions of a row up to its drive letter or UNC
        // share are skipped or compared without case, if the path has one
        // too. So the checks only use the portions after it.
        const drives = this.set.map(row => this.#rootIndex(row));
        this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
        // with the end check, the last portion is already checked
        this.#literals = this.set.map((row, r) => {
            const end = this.#endRows[r] ? row.length - 1 : row.length;
            const lits = row
                .slice(drives[r] + 1, end)
                .filter((p) => typeof p === 'string' && !!p);
            return [...new Set(lits)];
        });
        this.#literalCheck = this.#literals.some(l => l.length);
        this.#shapes = this.set.map((row, r) => {
            const [p0, p1, p2] = row;
            if (this.#endRows[r] && row.length === 2) {
                if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
                    return 'tail';
            }
            // the basename of a path that is split on / is its last portion,
            // or the one before a trailing /, the same as the end check
            if (this.#endRows[r] &&
                options.matchBase &&
                row.length === 1 &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'base';
            }
            // the portion must not be a root, or '', which can be a
            // different portion on Windows (where //x paths get an extra '')
            if (!this.#endCheck || drives[r] !== -1)
                return undefined;
            if (row.length === 3 &&
                p0 === GLOBSTAR &&
                p2 === GLOBSTAR &&
                p1 !== GLOBSTAR &&
                p1 !== '' &&
                // the portion between is only matched below this limit
                this.maxGlobstarRecursion > 0) {
                return 'mid';
            }
            if (row.length === 2 &&
                p1 === GLOBSTAR &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'head';
            }
            return undefined;
        });
    }
    // a string portion of a pattern, normalized if the option is set
    #norm(p) {
        return this.#form ? p.normalize(this.#form) : p;
    }
    // On Windows, the index of the last root portion of a row, as
    // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
    // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
    // -1.
    #rootIndex(row) {
        if (!this.isWindows)
            return -1;
        if (isDrive(row[0]))
            return 0;
        const uncDrive = row[0] === '' && row[1] === '' && row[2] === '?' && isDrive(row[3]);
        if (uncDrive)
            return 3;
        const h = uncHost(row);
        return h === -1 ? -1 : h + 1;
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.#expandBraces())];
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be Matchers, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.#slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        // glob --> Matchers
        this.#pending = true;
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path. The root of a long UNC
                // path, //?/UNC/host/share, is 6 portions.
                const n = s[2] === '?' && isLongUNC(s[3]) ? 6 : 4;
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    s.slice(3, n).every(p => !globMagic.test(p));
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, n).map(p => this.#norm(p)),
                        ...s.slice(n).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [
                        this.#norm(s[0]),
                        ...s.slice(1).map(ss => this.parse(ss)),
                    ];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
                    if (isLongUNC(this.globParts[i][3]))
                        p[3] = 'UNC';
                    p[2] = '?';
                }
            }
        }
        // with noext, `@(...)` would be literal
        if (!options.noext)
            this.mergeRows();
        this.#pending = false;
        this.set.forEach((row, i) => {
            for (let k = 0; k < row.length; k++) {
                if (row[k] === PENDING) {
                    row[k] = this.parse(this.globParts[i][k]);
                }
            }
        });
    }
    // Merge rows that only differ in one portion, where each of them
    // is a Matcher, into one row that matches any of them with
    // `@(a|b|...)`. Then a path is only walked once for all of them,
    // for example with `**/*.{js,ts}`.
    mergeRows() {
        let merged = true;
        while (merged) {
            merged = false;
            // a single row cannot be merged with anything
            if (this.set.length < 2)
                return;
            let keys = this.#mergeKeys();
            const len = Math.max(0, ...this.set.map(r => r.length));
            for (let k = 0; k < len; k++) {
                // the rows that are the same other than at portion k, keyed
                // by the ids of the parts before k and the parts after k,
                // which are at most the number of rows
                const groups = new Map();
                const R = this.set.length + 1;
                this.set.forEach((row, i) => {
                    if (!(row[k] instanceof Matcher || row[k] === PENDING) ||
                        !extSafe(this.globParts[i][k])) {
                        return;
                    }
                    const { pre, suf } = keys[i];
                    const key = pre[k] * R + suf[k + 1];
                    const g = groups.get(key);
                    if (g)
                        g.push(i);
                    else
                        groups.set(key, [i]);
                });
                const drop = new Set();
                for (const g of groups.values()) {
                    if (g.length < 2)
                        continue;
                    const [first, ...rest] = g;
                    const alts = g.map(i => this.globParts[i][k]);
                    const glob = `@(${alts.join('|')})`;
                    // merging is only an optimization, so leave the rows as they
                    // are if the merged portion would have too many extglobs
                    if (extglobCount(glob) > MAX_EXTGLOBS)
                        continue;
                    this.globParts[first][k] = glob;
                    this.set[first][k] = this.parse(glob);
                    for (const i of rest)
                        drop.add(i);
                }
                if (drop.size) {
                    merged = true;
                    this.set = this.set.filter((_, i) => !drop.has(i));
                    this.globParts = this.globParts.filter((_, i) => !drop.has(i));
                    // every merge drops a row, so this happens at most once per row
                    if (this.set.length < 2)
                        return;
                    keys = this.#mergeKeys();
                }
            }
        }
    }
    // For each row, number ids for its prefixes and suffixes, such that
    // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
    // Two rows are the same other than at portion k exactly when they
    // have the same pre[k] and suf[k + 1]. This is linear in the size of
    // the rows, where joining the whole row for every k was quadratic.
    #mergeKeys() {
        const partIds = new Map();
        const ids = this.globParts.map(parts => parts.map(s => {
            let id = partIds.get(s);
            if (id === undefined)
                partIds.set(s, (id = partIds.size));
            return id;
        }));
        // ids are only compared at the same k, so they are numbered per
        // portion, with 0 for the empty prefix or suffix. Then they are
        // at most the number of rows, and id * P + part id is a safe
        // integer key for any set that fits in memory.
        const P = partIds.size;
        const len = Math.max(0, ...ids.map(r => r.length));
        const keys = ids.map(r => ({
            pre: [0],
            suf: new Array(r.length + 1).fill(0),
        }));
        for (let k = 0; k < len; k++) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { pre } = keys[i];
                const key = pre[k] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                pre.push(id);
            });
        }
        for (let k = len - 1; k >= 0; k--) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { suf } = keys[i];
                const key = suf[k + 1] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                suf[k] = id;
            });
        }
        return keys;
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (set.length > root &&
                        prev &&
                        prev !== '..' &&
                        prev !== '.' &&
                        prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    // Check the path against each row before it is split. 'no' if no
    // row can match, so it does not need to be split. 'yes' if a row of
    // `**` and one more portion matches. 'maybe' if it must be split to
    // know. None of this applies with partial, where the path can end
    // before the row does.
    //
    // On Windows, `\` is a separator in the path too, and the portions of
    // a row up to its drive letter or UNC share are not checked (see
    // #rootIndex).
    //
    // Each string portion of a row must be a portion of the path, so the
    // path must contain it. Level 2 can only take portions out of the
    // path, so this is still true then.
    //
    // The last portion of a row must match the last portion of the path,
    // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
    // This does not apply to rows that end in **, rows that end in a
    // root, or preserveMultipleSlashes (which can leave more
    // than one '' at the end). At level 2, it does not apply if that
    // portion is `.` or `..`, which can be
    // resolved away. Level 2 only takes other portions out of the
    // middle of the path.
    //
    // A row of `**/x` then matches if the ** can walk the portions
    // before the one that x matches, the same as #matchGlobstar. At
    // level 2, this is only known if none of them are `.` or `..`, so
    // that the path does not change when it is resolved.
    #canMatch(f) {
        const sep = !this.isWindows || !f.includes('\\') ? '/'
            : f.includes('/') ? 'both'
                : '\\';
        // the portions that f.split(/\/+/) would end with, and where they
        // start in f, found when a row needs them. `ends` is 0 until they
        // are found, then 1, or -1 if they can not be used.
        let ends = this.#endCheck ? 0 : -1;
        let last = '';
        let lastStart = 0;
        let prev;
        let prevStart = 0;
        const dot = !!this.options.dot;
        // A string compare is cheaper than includes(), and a Matcher test
        // costs more, so the cheaper check goes first.
        ROWS: for (let r = 0; r < this.set.length; r++) {
            const row = this.set[r];
            const p = row[row.length - 1];
            let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
            if (end && ends === 0) {
                const i = lastSep(f, f.length, sep);
                lastStart = i + 1;
                last = f.slice(lastStart);
                if (last === '' && i >= 0) {
                    let j = i;
                    while (j > 0 && isSep(f.charCodeAt(j - 1), sep))
                        j--;
                    prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep) + 1;
                    prev = f.slice(prevStart, j);
                }
                const resolves = this.#level2 &&
                    (isDots(last) ||
                        (last === '' && prev !== undefined && isDots(prev)));
                ends = resolves ? -1 : 1;
                end = !resolves;
            }
            let tailStart = -1;
            if (end && typeof p === 'string') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            if (this.#literalCheck) {
                for (const l of this.#literals[r]) {
                    if (!f.includes(l))
                        continue ROWS;
                }
            }
            if (end && typeof p === 'object') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            const shape = this.#shapes[r];
            if (shape === 'base' && end)
                return 'yes';
            if (shape === 'tail' && end) {
                if (this.#level2 && dotPortion(f, 0, tailStart, true, sep)) {
                    return 'maybe';
                }
                if (!dotPortion(f, 0, tailStart, dot, sep))
                    return 'yes';
                continue;
            }
            if (shape === 'mid' || shape === 'head') {
                const m = this.#walk(f, row, shape === 'head', dot, sep);
                if (m !== 'no')
                    return m;
                continue;
            }
            return 'maybe';
        }
        return 'no';
    }
    // Match a row of a known shape against the split path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do. None of these
    // rows have a drive letter, so they start at the first portion.
    #matchShape(file, row, shape) {
        const dot = !!this.options.dot;
        const n = file.length;
        if (shape === 'head') {
            // x, then at least one portion that ** can walk
            if (n < 2 || !portionMatch(row[0], file[0])) {
                return false;
            }
            for (let i = 1; i < n; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        const x = row[1];
        if (shape === 'tail') {
            // x is the last portion, or the one before a trailing ''
            let t = n - 1;
            if (!portionMatch(x, file[t])) {
                if (file[t] !== '' || n === 1 || !portionMatch(x, file[--t])) {
                    return false;
                }
            }
            for (let i = 0; i < t; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        // mid: the first x that ** can walk to, with a portion after it,
        // and ** can walk all of those
        for (let k = 0; k < n; k++) {
            if (portionMatch(x, file[k]) && k + 1 < n) {
                let i = k + 1;
                while (i < n && walkable(file[i], dot))
                    i++;
                if (i === n)
                    return true;
            }
            if (!walkable(file[k], dot))
                return false;
        }
        return false;
    }
    // Match a row of `**/x/**` or `x/**` against the path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do once it is split.
    // x must match a portion (the first one, for `x/**`), the ** before
    // it must be able to walk the portions before that one, and there
    // must be a portion after it, which the ** after it can walk. At
    // level 2, this is only known if no portion is `.` or `..`.
    #walk(f, row, head, dot, sep) {
        if (this.#level2 && dotPortion(f, 0, f.length, true, sep))
            return 'maybe';
        const x = row[head ? 0 : 1];
        // the last portion has none after it, so it can not be x
        let s = 0;
        for (let e = nextSep(f, s, sep); e !== -1; e = nextSep(f, s, sep)) {
            // the start of the next portion
            let next = e + 1;
            while (next < f.length && isSep(f.charCodeAt(next), sep))
                next++;
            const hit = typeof x === 'string' ?
                e - s === x.length && f.startsWith(x, s)
                : e > s && x.testUnchecked(f.slice(s, e));
            if (hit && !dotPortion(f, next, f.length, dot, sep))
                return 'yes';
            if (head || dotPortion(f, s, next, dot, sep))
                return 'no';
            s = next;
        }
        return 'no';
    }
    // the last split, if it was the same path with the same split
    // settings
    #cachedSplit(f) {
        const last = lastSplit;
        return (last?.f === f &&
            last.isWindows === this.isWindows &&
            last.preserveMultipleSlashes === this.preserveMultipleSlashes &&
            last.normalize === this.#form) ?
            last
            : undefined;
    }
    // split a path for match(), and keep the parts for the next call
    #split(f) {
        const { isWindows, preserveMultipleSlashes } = this;
        // windows: need to use /, not \
        let parts = this.#slashSplit(isWindows ? f.split('\\').join('/') : f);
        // normalize each portion, so that a char that normalizes to `/`
        // does not make a new portion
        const normalize = this.#form;
        if (normalize)
            parts = parts.map(p => p.normalize(normalize));
        lastSplit = {
            f,
            isWindows,
            preserveMultipleSlashes,
            normalize,
            parts,
        };
        return lastSplit;
    }
    // resolve `.` and `..` portions of a path, for level 2
    #levelTwoFileOptimize(file) {
        // work on a copy, so that the cached parts do not change
        const parts = [...file];
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            let dd = root;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p && p !== '.' && p !== '..' && p !== '**') {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd = Math.max(dd - 2, root);
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        // each **/.. split doubles the patterns, and adds a copy of the
        // whole pattern. Throw if either gets too large. A partial split
        // would match some paths and not others, depending on which rows
        // the pass reached first.
        const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
        let splitCells = 0;
        const maxSplitCells = 1_000_000;
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    // Check before changing parts or allocating the new row.
                    const addedCells = parts.length - 1;
                    if (globParts.length >= braceExpandMax ||
                        splitCells + addedCells > maxSplitCells) {
                        throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    splitCells += addedCells;
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                // .. can not remove the root of a Windows path
                const root = this.#rootIndex(parts) + 1;
                let dd = root;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd = Math.max(dd - 2, root);
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    secondPhasePreProcess(globParts) {
        const keys = new Set();
        const rows = globParts.filter(parts => {
            const key = parts.join('/');
            if (keys.has(key))
                return false;
            keys.add(key);
            return true;
        });
        // A row is covered by another row that has `*` at some positions,
        // and is the same at all others. Collect each distinct set of `*`
        // positions, then look up each row with `*` put at those positions.
        const stars = new Map();
        for (const parts of rows) {
            const s = [];
            for (let i = 0; i < parts.length; i++) {
                if (parts[i] === '*')
                    s.push(i);
            }
            if (s.length)
                stars.set(s.join(','), s);
        }
        // Each row is checked against each set of `*` positions, so skip
        // this if there are too many. The patterns match the same paths
        // either way.
        if (!stars.size || rows.length * stars.size > 100_000)
            return rows;
        const { dot } = this.options;
        return rows.filter(parts => {
            for (const s of stars.values()) {
                if (s[s.length - 1] >= parts.length)
                    continue;
                const c = [...parts];
                let ok = true;
                let changed = false;
                for (const i of s) {
                    const p = parts[i];
                    if (p === '*')
                        continue;
                    if (!p || p === '**' || (!dot && p.startsWith('.'))) {
                        ok = false;
                        break;
                    }
                    c[i] = '*';
                    changed = true;
                }
                if (ok && changed && keys.has(c.join('/')))
                    return false;
            }
            return true;
        });
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // Match the parts of a path against one row of the set. `resolved`
    // is the parts after level 2 resolves `.` and `..` in them, or the
    // same parts below level 2. Set partial to true to test if, for
    // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
    // you run out of file before you run out of pattern, then that's
    // fine, as long as all the parts match.
    #matchRow(file, resolved, pattern, partial) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa, and
        // //?/UNC/host/share/... can match //host/share/... and vice versa.
        // Drive letters in absolute drive or unc paths, and the host and
        // share of UNC paths, are always compared case-insensitively.
        const fh = this.isWindows ? uncHost(resolved) : -1;
        const ph = fh === -1 ? -1 : uncHost(pattern);
        if (ph !== -1) {
            const host = pattern[ph];
            const share = pattern[ph + 1];
            if (typeof host !== 'string' || typeof share !== 'string') {
                // a host or share with magic is matched as usual
                fileStartIndex = fh;
                patternStartIndex = ph;
            }
            else if (resolved[fh].toLowerCase() === host.toLowerCase() &&
                resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
                fileStartIndex = fh + 2;
                patternStartIndex = ph + 2;
            }
        }
        else if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // the drives match, so start matching after them
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    patternStartIndex = pdi + 1;
                    fileStartIndex = fdi + 1;
                }
            }
        }
        // the drive letters are found in the parts before level 2 resolves
        // them, and the match uses the resolved parts
        file = resolved;
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
        // check the head, from the current file/pattern index.
        if (head.length) {
            const headEnd = fileIndex + head.length;
            if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, new Set());
    }
    // Split the pattern into head, tail, and middle of ** delimited
    // parts. The tail has to be at the end, and the others just have to
    // be found in order from the head. These only depend on the pattern
    // row, so they are kept for the next path.
    #getGlobstarParts(pattern, partial, patternIndex) {
        let byStart = this.#globstarParts.get(pattern);
        if (!byStart) {
            byStart = [];
            this.#globstarParts.set(pattern, byStart);
        }
        const key = patternIndex * 2 + (partial ? 1 : 0);
        const found = byStart[key];
        if (found)
            return found;
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        const head = pattern.slice(patternIndex, firstgs);
        const body = pattern.slice(firstgs + 1, partial ? undefined : lastgs);
        const tail = partial ? [] : pattern.slice(lastgs + 1);
        // split the body up into sections, and note the number of
        // portions that must come after the start of each one
        const segments = [[[], 0]];
        let current = segments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                current = [[], 0];
                segments.push(current);
            }
            else {
                current[0].push(b);
                nonGsParts++;
            }
        }
        // the portions in this section and the ones after it
        segments.forEach((b, i) => {
            b[1] = nonGsParts - nonGsPartsSums[i];
        });
        const parts = { head, body, tail, segments };
        byStart[key] = parts;
        return parts;
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, and the portions that it and the rest need
    bodySegments, 
    // the end of the file portions that the body can match
    fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, 
    // the places that a walk has already tried, as
    // bodyIndex * (file.length + 1) + fileIndex. A walk from a place
    // does the same no matter how it got there, and it only comes back
    // if it found no match, so a walk that gets to one stops.
    tried) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // with partial, the body is the rest of the pattern, so it
            // matches if no portions are left, or only the '' of a trailing
            // / (as a/* matches a/b/). A ** at the end walks them as its own
            // empty section.
            if (partial) {
                return (fileIndex >= fileLength ||
                    (fileIndex === fileLength - 1 && file[fileIndex] === ''));
            }
            // just make sure that there's no bad dots before the tail
            for (let i = fileIndex; i < fileLength; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test, up to the last index
        // where it can start
        const [body, need] = bs;
        // with partial, the path can end before the body does
        const after = partial ? fileLength : fileLength - need;
        while (fileIndex <= after) {
            const key = bodyIndex * (file.length + 1) + fileIndex;
            if (tried.has(key))
                return false;
            tried.add(key);
            const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
                if (sub !== false) {
                    return sub;
                }
            }
            // the ** does not walk past the last place the body can start
            if (fileIndex === after)
                break;
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex, 
    // only match the file portions before this index
    fileEnd = file.length) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = Math.min(fileEnd, file.length),
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            let p = pattern[pi];
            let f = file[fi];
            // should be impossible.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into Matchers.
            if (!portionMatch(p, f))
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though * can match "", except in
        // partial mode, where it might simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    // Expand braces, except numeric ranges such as {0..999} with at
    // least RANGE_MIN values. Each of those stays in its pattern as
    // `<mark>0..999<mark>`, for the Matcher to test. If a range might
    // be inside a [...] class, expand all of them instead.
    #expandBraces() {
        const { pattern } = this;
        if (this.options.nobrace)
            return this.braceExpand();
        let code = 0xe000;
        while (pattern.includes(String.fromCharCode(code))) {
            if (++code > 0xf8ff)
                return this.braceExpand();
        }
        const mark = String.fromCharCode(code);
        let found = false;
        const marked = pattern.replace(rangeRe, (m, lo, hi) => {
            const a = Number(lo);
            const b = Number(hi);
            if (!Number.isSafeInteger(a) ||
                !Number.isSafeInteger(b) ||
                Math.abs(a - b) + 1 < RANGE_MIN) {
                return m;
            }
            found = true;
            return `${mark}${lo}..${hi}${mark}`;
        });
        if (!found)
            return this.braceExpand();
        const set = braceExpand(marked, this.options);
        for (const p of set) {
            for (const portion of p.split('/')) {
                const c = portion.indexOf('[');
                if (c !== -1 && c < portion.lastIndexOf(mark)) {
                    return this.braceExpand();
                }
                if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
                    return this.braceExpand();
                }
            }
        }
        this.#rangeMark = mark;
        return set;
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        const { nocase, nocaseMagicOnly, noext = false, dot, normalize, } = options;
        const rangeMark = this.#rangeMark;
        const lit = rangeMark && pattern.includes(rangeMark) ?
            undefined
            : literal(pattern, noext);
        // in nocase mode, a literal with cased chars still needs a
        // Matcher, unless nocaseMagicOnly is set.
        if (lit !== undefined &&
            !(nocase &&
                !nocaseMagicOnly &&
                pattern.toUpperCase() !== pattern.toLowerCase())) {
            return this.#norm(lit);
        }
        if (this.#pending)
            return PENDING;
        let m = this.#matchers.get(pattern);
        if (!m) {
            if (!noext)
                assertValidExtglobs(pattern);
            m = new Matcher(pattern, {
                nocase,
                noext,
                dot,
                normalize,
                ...(rangeMark && { rangeMark }),
            });
            this.#matchers.set(pattern, m);
        }
        return m;
    }
    #slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // treat the test path as a set of pathparts. If it was not just
        // split or checked, check that it can match before splitting it.
        let split = this.#cachedSplit(f);
        if (!split) {
            // the checks look at the path as given, so not if it is
            // normalized
            if (!partial &&
                !this.#form &&
                (this.#endCheck || this.#literalCheck) &&
                lastChecked !== f) {
                lastChecked = f;
                const can = this.#canMatch(f);
                if (can === 'no')
                    return options.flipNegate ? false : this.negate;
                if (can === 'yes')
                    return options.flipNegate ? true : !this.negate;
            }
            split = this.#split(f);
        }
        const ff = split.parts;
        // the parts after level 2 resolves them, kept for the next pattern
        // that tests the same path
        const resolved = this.#level2 ?
            (split.resolved ??= this.#levelTwoFileOptimize(ff))
            : ff;
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (let r = 0; r < set.length; r++) {
            const pattern = set[r];
            const shape = partial ? undefined : this.#shapes[r];
            // level 2 does not change a path of one portion
            const hit = shape === 'base' ?
                portionMatch(pattern[0], filename)
                : shape ? this.#matchShape(resolved, pattern, shape)
                    : options.matchBase && pattern.length === 1 ?
                        this.#matchRow([filename], [filename], pattern, partial)
                        : this.#matchRow(ff, resolved, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */


/* c8 ignore stop */
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./build/src/globs.js

function compileGlobs(patterns) {
    const compiled = patterns.map((p) => ({
        pattern: p,
        mm: new Minimatch(p.endsWith('/') ? `${p}**` : p, {
            dot: true,
            matchBase: true,
            nocomment: true,
            nonegate: true,
        }),
    }));
    return {
        first(path) {
            return compiled.find((c) => c.mm.match(path))?.pattern;
        },
    };
}


/***/ }),

/***/ 6317:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BC: () => (/* binding */ parseRelease),
/* harmony export */   ME: () => (/* binding */ releaseApplies),
/* harmony export */   Rf: () => (/* binding */ releaseFromRef)
/* harmony export */ });
// What a release tag says: the version being released and, in a monorepo, which package.
const VERSION = String.raw `v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)`;
const PLAIN = new RegExp(`^${VERSION}$`);
// The package part is the shortest that leaves a version after `@`, `-` or `/`.
const NAMED = new RegExp(String.raw `^(.+?)(?:@|-|/)${VERSION}$`);
/**
 * Reads a tag (or `--expect-version`): `v1.2.3` and `1.2.3` name a version for every package;
 * `@acme/core@2.4.0` (changesets, lerna), `core@2.4.0`, `core-v2.4.0` (release-please) and
 * `core/v2.4.0` name one package. Undefined when no version can be read.
 */
function parseRelease(tag) {
    const plain = PLAIN.exec(tag);
    if (plain)
        return { version: plain[1] };
    const named = NAMED.exec(tag);
    return named ? { version: named[2], package: named[1] } : undefined;
}
/** Whether a release applies to the package `name`: it names none, or names this one (scope optional). */
function releaseApplies(release, name) {
    if (release.package === undefined)
        return true;
    if (name === undefined)
        return false;
    return release.package === name || name.replace(/^@[^/]+\//, '') === release.package;
}
/** `refs/tags/<tag>` -> `<tag>` when it names a release (see parseRelease); other refs name none. */
function releaseFromRef(ref) {
    const tag = /^refs\/tags\/(.+)$/.exec(ref ?? '')?.[1];
    return tag !== undefined && parseRelease(tag) ? tag : undefined;
}


/***/ }),

/***/ 8903:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  g: () => (/* binding */ archiveRules),
  D: () => (/* binding */ readProblemFinding)
});

// EXTERNAL MODULE: ./build/src/sources/names.js
var names = __nccwpck_require__(4888);
// EXTERNAL MODULE: ./build/src/sources/paths.js
var paths = __nccwpck_require__(5800);
;// CONCATENATED MODULE: ./build/src/rules/archive-links.js

/** How many links one target may pass through before it is given up on (Linux's limit). */
const MAX_HOPS = 40;
/**
 * Judges links as an extractor would meet them. A link whose target leaves the package root
 * (absolute, or `..` past the root, also by way of other links in the archive) and an entry
 * written through a symlink (`lib` a link, then `lib/x.js`) are `archive/link-escape` errors;
 * a link that stays inside is an `archive/link` warning. Targets are resolved once the whole
 * artifact is read, since a later link can change where an earlier one leads.
 */
class LinkJudge {
    roots = new Map();
    /** Records a link; for any other entry, whether it is written through a symlink. */
    entry(e) {
        // Most artifacts hold no link at all: nothing to look up then.
        if (this.roots.size === 0 && e.type !== 'symlink' && e.type !== 'hardlink')
            return undefined;
        const { key, inner } = split(e);
        if (e.type === 'symlink' || e.type === 'hardlink') {
            const root = this.root(key);
            const link = {
                file: e.path,
                inner,
                type: e.type,
                target: e.linkTarget ?? '',
                top: topOf(e),
            };
            root.links.push(link);
            const through = root.symlinks.size > 0 ? writtenThrough(root, inner) : undefined;
            if (e.type === 'symlink')
                root.symlinks.set(inner, link);
            return through && throughFinding(e.path, through);
        }
        const root = this.roots.get(key);
        const through = root && root.symlinks.size > 0 ? writtenThrough(root, inner) : undefined;
        return through && throughFinding(e.path, through);
    }
    /** Every link, judged with all the archive's symlinks known. */
    end() {
        const out = [];
        for (const root of this.roots.values()) {
            for (const link of root.links) {
                const escape = escapes(root, link);
                out.push(escape
                    ? {
                        rule: 'archive/link-escape',
                        file: link.file,
                        message: `${link.file} is a ${link.type} to '${link.target}', outside the package (${escape}); extracting it reaches files outside the package`,
                        key: link.target,
                    }
                    : {
                        rule: 'archive/link',
                        file: link.file,
                        message: `${link.file} is a ${link.type} to '${link.target}' (not followed)`,
                        key: link.target,
                    });
            }
        }
        return out;
    }
    root(key) {
        let root = this.roots.get(key);
        if (!root)
            this.roots.set(key, (root = { symlinks: new Map(), links: [] }));
        return root;
    }
}
function throughFinding(file, link) {
    return {
        rule: 'archive/link-escape',
        file,
        message: `${file} is written through the symlink ${link.file} (to '${link.target}'): an extractor that follows it writes where the link points, not where the entry says`,
        key: link.file,
    };
}
/**
 * The archive an entry belongs to and its path inside it. A nested path is `outer!/inner`; an
 * inner path that itself holds `!/` only makes the root deeper, so more links are judged as
 * leaving it, never fewer.
 */
function split(e) {
    if (!e.depth)
        return { key: '', inner: e.path };
    const at = e.path.lastIndexOf('!/');
    return { key: e.path.slice(0, at), inner: e.path.slice(at + 2) };
}
/** The top folder stripped from the raw name (`package/`), or ''. */
function topOf(e) {
    const raw = (0,paths/* normalizeEntryPath */.h1)(e.rawPath);
    const inner = split(e).inner;
    return inner && raw.endsWith(inner) ? raw.slice(0, raw.length - inner.length) : '';
}
/** The first folder of `path` that an earlier entry made a symlink, if any. */
function writtenThrough(root, path) {
    for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
        const link = root.symlinks.get(path.slice(0, i));
        if (link)
            return link;
    }
    return undefined;
}
/** Why a link's target leaves the root, or undefined when it stays inside. */
function escapes(root, link) {
    // A symlink's target is read from its folder, a hardlink's from the archive's root.
    let target = link.target;
    if (link.type === 'hardlink' && link.top && target.startsWith(link.top)) {
        target = target.slice(link.top.length);
    }
    const from = link.type === 'symlink' ? link.inner.split('/').slice(0, -1) : [];
    const state = { hops: 0 };
    const end = walk(root, from, target, state);
    if (typeof end !== 'string')
        return undefined;
    return state.via ? `by way of ${state.via}: ${end}` : end;
}
const ABSOLUTE = /^(?:[\\/]|[a-zA-Z]:)/;
/**
 * Walks `target` from the folder `from` as the kernel resolves a path: `..` goes up, and a
 * segment that is a symlink of the archive is replaced by where it leads. Returns where the walk
 * ends, or why it left the root. A loop (past MAX_HOPS) stops where it is: it leads nowhere.
 */
function walk(root, from, target, state) {
    if (ABSOLUTE.test(target))
        return 'an absolute path';
    const at = [...from];
    for (const seg of target.split(/[\\/]+/)) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (at.length === 0)
                return "'..' past the package root";
            at.pop();
            continue;
        }
        at.push(seg);
        const next = root.symlinks.get(at.join('/'));
        if (!next || ++state.hops > MAX_HOPS)
            continue;
        state.via ??= next.file;
        at.pop();
        const end = walk(root, at, next.target, state);
        if (typeof end === 'string')
            return end;
        at.splice(0, at.length, ...end);
    }
    return at;
}

// EXTERNAL MODULE: ./build/src/rules/types.js
var types = __nccwpck_require__(5300);
;// CONCATENATED MODULE: ./build/src/rules/archive.js




const SPECIAL = new Set(['char-device', 'block-device', 'fifo', 'socket', 'other']);
/** Entries that are unsafe or cannot be read: reported, never followed or written. */
const archiveRules = (0,types/* defineFamily */.u)({
    rules: [
        {
            id: 'archive/path-traversal',
            category: 'archive',
            severity: 'error',
            always: true,
            description: 'An entry name is absolute, has a drive letter, a `..` segment or backslashes.',
        },
        {
            id: 'archive/link',
            category: 'archive',
            severity: 'warning',
            description: 'A symlink or hardlink entry that stays inside the package (never followed).',
        },
        {
            id: 'archive/link-escape',
            category: 'archive',
            severity: 'error',
            always: true,
            description: 'A symlink or hardlink whose target leaves the package (absolute, or `..` past the root, also by way of other links), or an entry written through a symlink (`lib` a link, then `lib/x.js`).',
        },
        {
            id: 'archive/special-file',
            category: 'archive',
            severity: 'error',
            always: true,
            description: 'A device, FIFO or socket entry (never opened).',
        },
        {
            id: 'archive/duplicate-entry',
            category: 'archive',
            severity: 'error',
            description: 'The same path appears more than once; npm installs the last copy.',
        },
        {
            id: 'archive/case-collision',
            category: 'archive',
            severity: 'error',
            description: 'Two paths differ only in case or Unicode normalization (NFC/NFD): one file on macOS and Windows.',
        },
        {
            id: 'archive/deceptive-name',
            category: 'archive',
            severity: 'error',
            description: 'An entry name holds line breaks, control characters (NUL included), bidi controls, invisible characters or GitHub workflow command markers.',
            judged: 'an error when the name holds a line break, a control, bidi or invisible character; a warning when its only trait is a workflow command marker (`::`, `##[`), which every output escapes.',
        },
        {
            id: 'archive/invalid-utf8-name',
            category: 'archive',
            severity: 'error',
            description: 'An entry name is not valid UTF-8: tools decode it differently, so distinct names can land on one file.',
        },
        {
            id: 'archive/ambiguous-name',
            category: 'archive',
            severity: 'error',
            always: true,
            description: "Readers see an entry under different names: a tar pax path (or GNU long name) that disagrees with the header's own name or holds a NUL, a zip Info-ZIP Unicode Path field (0x7075) that names another path than the header.",
        },
        {
            id: 'archive/trailing-data',
            category: 'archive',
            severity: 'error',
            always: true,
            description: 'Bytes no entry accounts for: data after the tar end marker, zip data outside the central directory (hidden entries, a second zip, overlapping entries).',
        },
        {
            id: 'archive/zip-mismatch',
            category: 'archive',
            severity: 'error',
            always: true,
            description: "A zip entry's local header disagrees with the central directory (its name, the name its Info-ZIP Unicode Path field gives, method, sizes, encryption), or its data does not match its declared size or CRC-32.",
        },
        {
            id: 'archive/unreadable-entry',
            category: 'archive',
            severity: 'error',
            always: true,
            description: 'An entry cannot be decoded (encrypted, unsupported compression), or is an archive packguard cannot read (xz, bzip2, 7z, rar; a zstd stream that fails its frame check), so it was not checked.',
        },
        {
            id: 'archive/limit-exceeded',
            category: 'archive',
            severity: 'error',
            always: true,
            description: 'A safety limit was hit (size, entry count, compression ratio); what lies past it was not checked.',
        },
    ],
    create({ report }) {
        const seen = new Map();
        const twins = new names/* CaseTwins */.Ah();
        const links = new LinkJudge();
        return {
            end() {
                for (const f of links.end())
                    report(f);
            },
            entry(e) {
                for (const f of nameFindings(e, twins))
                    report(f);
                const through = links.entry(e);
                if (through)
                    report(through);
                const issues = (0,paths/* pathIssues */.Mu)(e.rawPath);
                if (issues.length > 0) {
                    report({
                        rule: 'archive/path-traversal',
                        file: e.path,
                        message: `unsafe entry name '${e.rawPath}' (${issues.map((i) => i.detail).join(', ')}); read as '${e.path}'`,
                        key: e.rawPath,
                    });
                }
                if (SPECIAL.has(e.type)) {
                    report({
                        rule: 'archive/special-file',
                        file: e.path,
                        message: `${e.path} is a ${e.type} entry (not opened)`,
                    });
                }
                for (const i of e.issues ?? []) {
                    report({
                        rule: `archive/${i.kind}`,
                        file: i.path,
                        message: i.path ? `${i.path}: ${i.detail}` : i.detail,
                        key: i.detail,
                    });
                }
                if (e.unreadable) {
                    report({
                        rule: e.unreadable.kind === 'limit' ? 'archive/limit-exceeded' : 'archive/unreadable-entry',
                        file: e.path,
                        message: `${e.path}: ${e.unreadable.detail}; its content was not checked`,
                    });
                }
                if (e.type !== 'directory') {
                    const n = (seen.get(e.path) ?? 0) + 1;
                    seen.set(e.path, n);
                    if (n === 2) {
                        report({
                            rule: 'archive/duplicate-entry',
                            file: e.path,
                            message: `${e.path} appears more than once; npm installs the last copy`,
                        });
                    }
                }
            },
        };
    },
});
function nameFindings(e, twins) {
    const out = [];
    const traits = (0,names/* deceptiveTraits */.P3)(e.rawPath);
    if (traits.length > 0) {
        const f = {
            rule: 'archive/deceptive-name',
            file: e.path,
            message: `the entry name '${e.rawPath}' holds ${traits.join(', ')}; shown escaped`,
            key: e.rawPath,
        };
        if (traits.length === 1 && traits[0] === names/* MARKER */.tl) {
            f.severity = 'warning';
            f.because = 'a workflow command marker only, escaped in every output';
        }
        out.push(f);
    }
    const twin = e.path ? twins.add(e.path) : undefined;
    if (twin) {
        out.push({
            rule: 'archive/case-collision',
            file: e.path,
            message: `'${twin.now}' and '${twin.first}' differ only in case or Unicode normalization; on macOS and Windows they are one file and the later one wins`,
            key: twin.now,
        });
    }
    return out;
}
/** What reading could not check (a limit, a nested archive that does not open), as a finding. */
function readProblemFinding(p) {
    const f = {
        rule: `archive/${p.kind}`,
        file: p.file,
        message: p.message,
    };
    if (p.key !== undefined)
        f.key = p.key;
    return f;
}


/***/ }),

/***/ 3517:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  M0: () => (/* binding */ DOCS_BASE),
  BU: () => (/* binding */ FAMILIES),
  y0: () => (/* binding */ RULES),
  fs: () => (/* binding */ docsUrl),
  zt: () => (/* binding */ presetSeverity)
});

// UNUSED EXPORTS: docsAnchor

// EXTERNAL MODULE: ./build/src/rules/archive.js + 1 modules
var archive = __nccwpck_require__(8903);
// EXTERNAL MODULE: ./build/src/globs.js + 9 modules
var globs = __nccwpck_require__(502);
// EXTERNAL MODULE: ./build/src/rules/types.js
var types = __nccwpck_require__(5300);
;// CONCATENATED MODULE: ./build/src/rules/files.js


/** `files.forbid`, `files.allow` and `files.require`: what may and must ship. */
const filesRules = (0,types/* defineFamily */.u)({
    rules: [
        {
            id: 'file/forbidden',
            category: 'policy',
            severity: 'error',
            always: true,
            description: 'A file matches a `files.forbid` pattern.',
        },
        {
            id: 'file/unexpected',
            category: 'policy',
            severity: 'error',
            always: true,
            description: 'A file matches no `files.allow` pattern.',
        },
        {
            id: 'file/missing',
            category: 'policy',
            severity: 'error',
            always: true,
            description: 'No file matches a `files.require` pattern.',
        },
    ],
    create({ config, report }) {
        const forbid = (0,globs/* compileGlobs */.t)(config.files.forbid);
        const allow = config.files.allow ? (0,globs/* compileGlobs */.t)(config.files.allow) : undefined;
        const require = config.files.require.map((p) => ({ pattern: p, match: (0,globs/* compileGlobs */.t)([p]) }));
        return {
            entry(e) {
                if (e.type === 'directory' || e.depth)
                    return;
                const hit = forbid.first(e.path);
                if (hit) {
                    report({
                        rule: 'file/forbidden',
                        file: e.path,
                        message: `${e.path} matches files.forbid pattern '${hit}'`,
                        key: hit,
                    });
                }
                if (allow && !allow.first(e.path)) {
                    report({
                        rule: 'file/unexpected',
                        file: e.path,
                        message: `${e.path} is not in files.allow`,
                    });
                }
            },
            end(entries) {
                const files = entries.filter((e) => e.type !== 'directory');
                for (const { pattern, match } of require) {
                    if (!files.some((e) => match.first(e.path))) {
                        report({
                            rule: 'file/missing',
                            file: '',
                            message: `no file matches files.require pattern '${pattern}'`,
                            key: pattern,
                        });
                    }
                }
            },
        };
    },
});

// EXTERNAL MODULE: ./build/src/config/content-limits.js
var content_limits = __nccwpck_require__(8642);
;// CONCATENATED MODULE: ./build/src/rules/position.js
/** 1-based line and column of a character offset, counted only when a finding needs it. */
function position(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
}

// EXTERNAL MODULE: ./build/src/rules/windows.js
var rules_windows = __nccwpck_require__(7776);
;// CONCATENATED MODULE: ./build/src/rules/content.js





/** The team's own `content:` rules, each reported as `content/<name>`, once per file. */
const contentRules = (0,types/* defineFamily */.u)({
    // Ids are declared in the config, so there is nothing static to register.
    rules: [],
    create({ config, report }) {
        const rules = config.content.map((r) => ({
            rule: r,
            scope: r.files ? (0,globs/* compileGlobs */.t)(r.files) : undefined,
        }));
        const applicable = (e) => rules.length === 0 || e.type !== 'file'
            ? []
            : rules.filter((r) => !r.scope || r.scope.first(e.path)).map((r) => r.rule);
        return {
            stream(e) {
                const list = applicable(e);
                return list.length ? contentSink(e.path, list, report) : undefined;
            },
            entry(e) {
                const list = e.content ? applicable(e) : [];
                if (list.length === 0 || e.content?.subarray(0, 8192).includes(0))
                    return;
                const text = e.content.toString('utf8');
                for (const rule of list) {
                    const hit = rule.find(text);
                    if (!hit)
                        continue;
                    report(finding(e.path, rule, position(text, hit.first), hit.count));
                }
            },
        };
    },
});
function finding(file, rule, at, count) {
    const times = count >= content_limits/* MAX_COUNT */.H ? `at least ${content_limits/* MAX_COUNT */.H} times` : count === 1 ? 'once' : `${count} times`;
    const what = rule.message ?? `matches content rule '${rule.name}'`;
    return {
        rule: `content/${rule.name}`,
        file,
        line: at.line,
        column: at.column,
        message: `${file}: ${what} (${times}; first at line ${at.line})`,
    };
}
/**
 * Content rules over a streamed file, window by window: matches are counted where they start
 * (each byte belongs to one window), the first one is located in the file. A binary (a NUL in
 * the first 8 KB) is skipped, as a whole file would be.
 */
function contentSink(file, rules, report) {
    const found = new Map();
    let binary;
    const windows = new rules_windows/* Windows */.a((bytes, pos) => {
        binary ??= bytes.subarray(0, 8192).includes(0);
        if (binary)
            return;
        const text = bytes.toString('utf8');
        // Window offsets are bytes; the text is UTF-16: convert the own part's bounds.
        const from = bytes.toString('utf8', 0, pos.from).length;
        const to = bytes.toString('utf8', 0, pos.to).length;
        for (const rule of rules) {
            const prev = found.get(rule);
            if (prev && prev.count >= content_limits/* MAX_COUNT */.H)
                continue;
            const hit = rule.find(text, from, to);
            if (!hit)
                continue;
            if (prev) {
                prev.count = Math.min(content_limits/* MAX_COUNT */.H, prev.count + hit.count);
                continue;
            }
            const p = position(text, hit.first);
            const column = p.line === 1 ? p.column + (pos.base - pos.lineStart) : p.column;
            found.set(rule, { at: { line: pos.line + p.line - 1, column }, count: hit.count });
        }
    });
    return {
        write: (c) => windows.write(c),
        end: () => {
            windows.end();
            for (const [rule, f] of found)
                report(finding(file, rule, f.at, f.count));
        },
    };
}

// EXTERNAL MODULE: ./build/src/config/units.js
var units = __nccwpck_require__(5543);
;// CONCATENATED MODULE: ./build/src/drift/diff.js
function beyond(before, after, t) {
    const delta = Math.abs(after - before);
    if (delta === 0)
        return false;
    const pct = before === 0 ? Infinity : (delta / before) * 100;
    return ((t.percent === undefined || pct > t.percent) && (t.absolute === undefined || delta > t.absolute));
}
/** Every difference from `expected` to `actual`, in path order. */
function diffManifests(expected, actual, s) {
    const before = new Map(expected.files.map((f) => [f.path, f]));
    const after = new Map(actual.files.map((f) => [f.path, f]));
    const out = [];
    for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
        const b = before.get(path);
        const a = after.get(path);
        if (!b)
            out.push({ kind: 'added', path, size: a.size });
        else if (!a)
            out.push({ kind: 'removed', path, size: b.size });
        else
            out.push(...fileChanges(b, a, s));
    }
    if (beyond(expected.totals.bytes, actual.totals.bytes, s.totalTolerance)) {
        out.push({ kind: 'total-size', before: expected.totals.bytes, after: actual.totals.bytes });
    }
    if (beyond(expected.totals.files, actual.totals.files, s.countTolerance)) {
        out.push({ kind: 'file-count', before: expected.totals.files, after: actual.totals.files });
    }
    return out;
}
function fileChanges(b, a, s) {
    const out = [];
    const path = a.path;
    if ((b.type ?? 'file') !== (a.type ?? 'file'))
        out.push({ kind: 'type', path, before: b.type ?? 'file', after: a.type ?? 'file' });
    if (b.mode !== a.mode)
        out.push({ kind: 'mode', path, before: b.mode, after: a.mode });
    if (beyond(b.size, a.size, s.fileTolerance))
        out.push({ kind: 'size', path, before: b.size, after: a.size });
    if (s.content && b.sha256 && a.sha256 && b.sha256 !== a.sha256)
        out.push({ kind: 'content', path });
    return out;
}

// EXTERNAL MODULE: ./build/src/drift/manifest.js
var manifest = __nccwpck_require__(1480);
;// CONCATENATED MODULE: ./build/src/rules/drift.js




/** Differences from the committed lockfile or a baseline artifact (the previous release). */
const driftRules = (0,types/* defineFamily */.u)({
    rules: [
        {
            id: 'drift/file-added',
            category: 'drift',
            severity: 'error',
            always: true,
            description: 'A file is in the artifact but not in the lockfile or baseline.',
        },
        {
            id: 'drift/file-removed',
            category: 'drift',
            severity: 'error',
            always: true,
            description: 'A file of the lockfile or baseline is missing from the artifact.',
        },
        {
            id: 'drift/mode-changed',
            category: 'drift',
            severity: 'error',
            always: true,
            description: 'A file gained or lost its executable bit.',
        },
        {
            id: 'drift/type-changed',
            category: 'drift',
            severity: 'error',
            always: true,
            description: 'An entry changed kind (file, symlink, ...).',
        },
        {
            id: 'drift/size-changed',
            category: 'drift',
            severity: 'warning',
            always: true,
            description: 'A file changed size beyond the tolerance (`drift.size-tolerance`).',
        },
        {
            id: 'drift/content-changed',
            category: 'drift',
            severity: 'error',
            always: true,
            description: 'A file changed content (only with `drift.compare: content`, for reproducible builds).',
        },
        {
            id: 'drift/total-size',
            category: 'drift',
            severity: 'warning',
            always: true,
            description: 'The artifact changed total size beyond `drift.total-size-tolerance`.',
        },
        {
            id: 'drift/file-count',
            category: 'drift',
            severity: 'warning',
            always: true,
            description: 'The artifact changed its number of files beyond `drift.file-count-tolerance`.',
        },
        {
            id: 'drift/baseline-missing',
            category: 'drift',
            severity: 'notice',
            always: true,
            description: 'No baseline to compare with (a first release: the package is not published yet).',
        },
    ],
    create(ctx) {
        return {
            end(entries, { drift }) {
                if (!drift)
                    return;
                if (drift.baselineMissing !== undefined) {
                    ctx.report({
                        rule: 'drift/baseline-missing',
                        file: '',
                        message: `no baseline to compare with: ${drift.baselineMissing}`,
                    });
                }
                const actual = (0,manifest/* buildManifest */.u1)(entries);
                for (const { kind, label, manifest } of drift.against) {
                    for (const c of diffManifests(manifest, actual, drift.settings))
                        ctx.report(toFinding(c, kind === 'lockfile' ? `the lockfile ${label}` : label));
                }
            },
        };
    },
});
const pct = (before, after) => before === 0
    ? ''
    : ` (${after >= before ? '+' : ''}${Math.round(((after - before) / before) * 100)}%)`;
function toFinding(c, than) {
    // Sizes change between runs: the kind and path are the finding's identity, not its numbers.
    const data = c.kind === 'added' || c.kind === 'removed'
        ? { size: c.size }
        : 'before' in c && typeof c.before === 'number'
            ? { before: c.before, after: c.after }
            : {};
    return { ...describeChange(c, than), key: c.kind, data };
}
function describeChange(c, than) {
    switch (c.kind) {
        case 'added':
            return {
                rule: 'drift/file-added',
                file: c.path,
                message: `${c.path} (${(0,units/* formatSize */.Xq)(c.size)}) is new: it is not in ${than}`,
            };
        case 'removed':
            return {
                rule: 'drift/file-removed',
                file: c.path,
                message: `${c.path} (${(0,units/* formatSize */.Xq)(c.size)} in ${than}) is missing`,
            };
        case 'mode':
            return {
                rule: 'drift/mode-changed',
                file: c.path,
                message: `${c.path} ${c.after === '0644' ? 'lost' : 'gained'} its executable bit (${c.before} in ${than}, ${c.after} now)`,
            };
        case 'type':
            return {
                rule: 'drift/type-changed',
                file: c.path,
                message: `${c.path} is a ${c.after} now, a ${c.before} in ${than}`,
            };
        case 'size':
            return {
                rule: 'drift/size-changed',
                file: c.path,
                message: `${c.path} is ${(0,units/* formatSize */.Xq)(c.after)}, ${(0,units/* formatSize */.Xq)(c.before)} in ${than}${pct(c.before, c.after)}`,
            };
        case 'content':
            return {
                rule: 'drift/content-changed',
                file: c.path,
                message: `${c.path} differs in content from ${than} (sha256)`,
            };
        case 'total-size':
            return {
                rule: 'drift/total-size',
                file: '',
                message: `the artifact unpacks to ${(0,units/* formatSize */.Xq)(c.after)}, ${(0,units/* formatSize */.Xq)(c.before)} in ${than}${pct(c.before, c.after)}`,
            };
        case 'file-count':
            return {
                rule: 'drift/file-count',
                file: '',
                message: `the artifact has ${c.after} files, ${c.before} in ${than}${pct(c.before, c.after)}`,
            };
    }
}

// EXTERNAL MODULE: ./build/src/release-tag.js
var release_tag = __nccwpck_require__(6317);
// EXTERNAL MODULE: ./build/src/sources/body.js
var body = __nccwpck_require__(1554);
// EXTERNAL MODULE: ./build/src/sources/limits.js
var limits = __nccwpck_require__(1906);
;// CONCATENATED MODULE: ./build/src/rules/npm-entry-points.js
/**
 * Export conditions that Node, TypeScript, bundlers and runtimes act on (Node's own, the
 * WinterCG runtime keys, and the ones bundlers document). A target behind any other condition
 * is used only by a tool that was configured for it.
 */
const KNOWN_CONDITIONS = new Set([
    'node',
    'node-addons',
    'import',
    'require',
    'module-sync',
    'default',
    'types',
    'typings',
    'browser',
    'module',
    'worker',
    'worklet',
    'development',
    'production',
    'react-native',
    'react-server',
    'deno',
    'bun',
    'electron',
    'edge-light',
    'workerd',
    'netlify',
    'style',
]);
const isKnown = (c) => KNOWN_CONDITIONS.has(c) || /^types@/.test(c);
/** Every target package.json names, with how it is looked up. */
function entryPoints(pkg) {
    const out = [];
    if (typeof pkg.main === 'string')
        out.push({ field: 'main', target: pkg.main, lookup: 'main' });
    if (typeof pkg.module === 'string')
        out.push({ field: 'module', target: pkg.module, lookup: 'bundler' });
    if (typeof pkg.browser === 'string')
        out.push({ field: 'browser', target: pkg.browser, lookup: 'bundler' });
    for (const field of ['types', 'typings']) {
        const v = pkg[field];
        if (typeof v === 'string')
            out.push({ field, target: v, lookup: 'types' });
    }
    for (const [name, target] of bins(pkg))
        out.push({ field: `bin.${name}`, target, lookup: 'main' });
    walkExports(pkg.exports, 'exports', undefined, undefined, out);
    return out;
}
/** The `bin` entries: name and file. */
function bins(pkg) {
    if (typeof pkg.bin === 'string')
        return [[pkg.name?.replace(/^@[^/]+\//, '') ?? 'bin', pkg.bin]];
    if (pkg.bin && typeof pkg.bin === 'object')
        return Object.entries(pkg.bin).filter((b) => typeof b[1] === 'string');
    return [];
}
function walkExports(v, key, unknown, types, out) {
    if (typeof v === 'string') {
        // Targets must start with ./ (Node refuses others); `null` excludes a subpath.
        if (!v.startsWith('./'))
            return;
        const e = { field: key, target: v, lookup: types ? 'types' : 'exact' };
        if (unknown)
            e.unknownCondition = unknown;
        out.push(e);
    }
    else if (Array.isArray(v)) {
        v.forEach((x, i) => walkExports(x, `${key}[${i}]`, unknown, types, out));
    }
    else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
            // Keys that start with '.' are subpaths; the others are conditions.
            const condition = !k.startsWith('.');
            const stranger = condition && !isKnown(k) ? k : undefined;
            const isTypes = condition && (k === 'types' || k === 'typings' || k.startsWith('types@'));
            walkExports(x, `${key}["${k}"]`, unknown ?? stranger, types || isTypes, out);
        }
    }
}
/** The files and folders of an artifact, for lookups. */
class FileIndex {
    files;
    folders = new Set();
    constructor(entries) {
        this.files = new Map(entries.filter((e) => e.type !== 'directory').map((e) => [e.path, e]));
        for (const p of this.files.keys()) {
            for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1))
                this.folders.add(p.slice(0, i));
        }
    }
    hasFolder(path) {
        return path === '' ? this.files.size > 0 : this.folders.has(path);
    }
    /** Whether some file matches a `*` pattern (`*` matches any string, `/` included, as in exports). */
    matches(pattern) {
        const parts = pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
        const re = new RegExp(`^${parts.join('.+')}$`);
        for (const p of this.files.keys())
            if (re.test(p))
                return true;
        return false;
    }
}
const strip = (target) => target.replace(/^\.\//, '');
/** The file an entry point resolves to, or true for a folder or pattern that has files. */
function resolveEntry(e, index, pkg = {}) {
    const p = strip(e.target);
    if (p.includes('*'))
        return index.matches(p) || undefined;
    if (p === '' || p.endsWith('/'))
        return index.hasFolder(p.replace(/\/$/, '')) || undefined;
    for (const c of candidates(p, e.lookup)) {
        const f = index.files.get(c);
        if (f)
            return f;
    }
    if (e.lookup === 'types')
        return typesVersionsHit(p, index, pkg);
    return undefined;
}
/** What each resolver tries, in order (Node's CommonJS lookup, TypeScript's declaration lookup). */
function candidates(p, lookup) {
    switch (lookup) {
        case 'exact':
            return [p];
        case 'main':
            return [p, `${p}.js`, `${p}.json`, `${p}.node`, `${p}/index.js`, `${p}/index.json`];
        case 'bundler':
            return [p, `${p}.js`, `${p}.mjs`, `${p}.cjs`, `${p}/index.js`, `${p}/index.mjs`];
        case 'types': {
            const js = /\.([mc]?)js$/.exec(p);
            const base = js ? p.slice(0, js.index) : p;
            const ext = js ? `.d.${js[1]}ts` : '.d.ts';
            return [p, `${base}${ext}`, `${p}.d.ts`, `${p}/index.d.ts`];
        }
    }
}
/** TypeScript maps declaration paths through `typesVersions` first: any mapping that finds one will do. */
function typesVersionsHit(p, index, pkg) {
    for (const paths of Object.values(pkg.typesVersions ?? {})) {
        for (const [from, tos] of Object.entries(paths ?? {})) {
            const star = from.indexOf('*');
            const head = star === -1 ? from : from.slice(0, star);
            const tail = star === -1 ? '' : from.slice(star + 1);
            if (star === -1 ? p !== from : !(p.startsWith(head) && p.endsWith(tail)))
                continue;
            const hole = star === -1 ? '' : p.slice(head.length, p.length - tail.length);
            for (const to of Array.isArray(tos) ? tos : []) {
                for (const c of candidates(strip(to.replace('*', hole)), 'types')) {
                    const f = index.files.get(c);
                    if (f)
                        return f;
                }
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./build/src/rules/npm-metadata.js






/** Lifecycle scripts that run at install: one of them may write or replace a bin file. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];
/** Formats whose bins a package manager links and makes executable at install. */
const LINKED = new Set(['tar+gzip', 'npm-directory']);
/** npm package metadata: version vs tag, entry points, bin files, publishability. */
const npmMetadataRules = (0,types/* defineFamily */.u)({
    rules: [
        {
            id: 'metadata/version-mismatch',
            category: 'drift',
            severity: 'error',
            description: '`package.json` version differs from the release tag (or `--expect-version`).',
        },
        {
            id: 'metadata/missing-entry-point',
            category: 'drift',
            severity: 'error',
            description: 'An entry point (`main`, `module`, `types`, `exports` target, `bin`) is not in the artifact.',
            judged: 'a notice when only an export condition no resolver acts on by default leads to it (Node, TypeScript, bundlers and runtimes use `node`, `import`, `require`, `default`, `types`, `browser`, `module`, `worker`, `development`, `production`, `react-native`, `deno`, `bun`, ...): such a target breaks only a tool configured for it. A warning when a subpath pattern (`./x/*`) matches no file: only imports of that subpath fail, and none can have worked.',
        },
        {
            id: 'metadata/bin-shebang',
            category: 'drift',
            severity: 'error',
            description: 'A `bin` file does not start with a `#!` line, so it cannot run as a command.',
            judged: 'a warning when the package has an install script (`preinstall`, `install`, `postinstall`), which may write or replace the bin at install.',
        },
        {
            id: 'metadata/bin-not-executable',
            category: 'drift',
            severity: 'warning',
            description: 'A `bin` file has lost its executable bit.',
            judged: 'a notice in npm tarballs and npm package folders: npm, pnpm and yarn set the mode when they link a bin. It stays a warning in other archives, whose files are used with the modes they carry.',
        },
        {
            id: 'metadata/private-package',
            category: 'policy',
            severity: 'error',
            description: '`package.json` says `"private": true` in an artifact meant for publishing.',
        },
        {
            id: 'metadata/no-files-list',
            category: 'policy',
            severity: 'notice',
            description: '`package.json` has no `files` list: everything not ignored ships.',
        },
        {
            id: 'metadata/invalid-package-json',
            category: 'drift',
            severity: 'error',
            description: 'The root `package.json` cannot be read: it is not valid JSON, or it is larger than 4 MiB (then it is not parsed at all).',
        },
    ],
    create({ report, expectVersion }) {
        let pkgText;
        let tooLarge = 0;
        // The first two characters of each file: a string, so no file's bytes are kept alive.
        const heads = new Map();
        return {
            stream(e) {
                if (e.depth || e.path !== 'package.json' || e.size > limits/* MAX_MANIFEST_BYTES */.ZJ)
                    return undefined;
                return new body/* WholeCollector */.Zv((bytes) => (pkgText = bytes.toString('utf8')));
            },
            entry(e) {
                const bytes = e.content ?? e.head;
                if (e.depth || e.type !== 'file' || !bytes)
                    return;
                if (e.path === 'package.json' && e.size > limits/* MAX_MANIFEST_BYTES */.ZJ)
                    tooLarge = e.size;
                else if (e.path === 'package.json' && e.content)
                    pkgText = e.content.toString('utf8');
                heads.set(e.path, bytes.toString('latin1', 0, 2));
            },
            end(entries, { format }) {
                if (tooLarge) {
                    report({
                        rule: 'metadata/invalid-package-json',
                        file: 'package.json',
                        message: `package.json is ${(0,units/* formatSize */.Xq)(tooLarge)}, over the ${limits/* MAX_MANIFEST_BYTES */.ZJ / 1024 ** 2} MiB packguard parses: its metadata (version, entry points, scripts) was not checked`,
                    });
                    return;
                }
                if (pkgText === undefined)
                    return;
                let pkg;
                try {
                    pkg = JSON.parse(pkgText);
                }
                catch (err) {
                    report({
                        rule: 'metadata/invalid-package-json',
                        file: 'package.json',
                        message: `package.json is not valid JSON (${err.message})`,
                    });
                    return;
                }
                const index = new FileIndex(entries);
                const at = (field) => ({ file: 'package.json', key: field });
                const release = expectVersion
                    ? ((0,release_tag/* parseRelease */.BC)(expectVersion) ?? { version: expectVersion.replace(/^v/, '') })
                    : undefined;
                // A tag naming one package of a monorepo (`@acme/core@2.4.0`) says nothing of the others.
                const name = typeof pkg.name === 'string' ? pkg.name : undefined;
                if (release && (0,release_tag/* releaseApplies */.ME)(release, name) && pkg.version !== release.version) {
                    const tag = release.package ? ` (${expectVersion})` : '';
                    report({
                        rule: 'metadata/version-mismatch',
                        ...at('version'),
                        message: `package.json version is ${pkg.version ?? '(none)'} but the release is ${release.version}${tag}`,
                    });
                }
                if (pkg.private === true) {
                    report({
                        rule: 'metadata/private-package',
                        ...at('private'),
                        message: 'package.json has "private": true: npm will refuse to publish it',
                    });
                }
                if (!Array.isArray(pkg.files)) {
                    report({
                        rule: 'metadata/no-files-list',
                        ...at('files'),
                        message: 'package.json has no "files" list: everything not in .npmignore or .gitignore ships',
                    });
                }
                for (const ep of entryPoints(pkg)) {
                    if (resolveEntry(ep, index, pkg))
                        continue;
                    report({
                        rule: 'metadata/missing-entry-point',
                        file: 'package.json',
                        key: `${ep.field}:${ep.target}`,
                        message: ep.unknownCondition
                            ? `package.json ${ep.field} points to ${ep.target}, which is not in the artifact (only through the condition '${ep.unknownCondition}', which no resolver uses by default)`
                            : ep.target.includes('*')
                                ? `package.json ${ep.field} points to ${ep.target}, which matches no file in the artifact`
                                : `package.json ${ep.field} points to ${ep.target}, which is not in the artifact`,
                        ...(ep.unknownCondition
                            ? { severity: 'notice' }
                            : ep.target.includes('*')
                                ? { severity: 'warning' }
                                : {}),
                    });
                }
                const installs = INSTALL_SCRIPTS.filter((s) => typeof pkg.scripts?.[s] === 'string');
                for (const [name, target] of bins(pkg)) {
                    const e = resolveEntry({ target, lookup: 'main' }, index);
                    if (!e || e === true)
                        continue;
                    if (heads.get(e.path) !== '#!') {
                        report({
                            rule: 'metadata/bin-shebang',
                            file: e.path,
                            message: installs.length
                                ? `bin '${name}' (${e.path}) does not start with a #! line (the ${installs[0]} script may write it at install)`
                                : `bin '${name}' (${e.path}) does not start with a #! line`,
                            ...(installs.length ? { severity: 'warning' } : {}),
                        });
                    }
                    if ((e.mode & 0o111) === 0 && e.mode !== 0) {
                        const linked = format !== undefined && LINKED.has(format);
                        report({
                            rule: 'metadata/bin-not-executable',
                            file: e.path,
                            message: `bin '${name}' (${e.path}) is not executable (mode ${e.mode.toString(8).padStart(4, '0')})${linked ? '; npm, pnpm and yarn set the mode when they link it' : ''}`,
                            ...(linked ? { severity: 'notice' } : {}),
                        });
                    }
                }
            },
        };
    },
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./build/src/rules/wheel-metadata.js



const METADATA = /^[^/]+\.dist-info\/METADATA$/;
const RECORD = /^[^/]+\.dist-info\/RECORD$/;
/** PEP 503 normalization, so `My_Pkg` and `my-pkg` compare equal. */
const normalize = (name) => name.replace(/[-_.]+/g, '-').toLowerCase();
/** Python wheel metadata: the file name agrees with METADATA, and RECORD lists exactly what ships. */
const wheelMetadataRules = (0,types/* defineFamily */.u)({
    rules: [
        {
            id: 'metadata/wheel-name-mismatch',
            category: 'drift',
            severity: 'error',
            description: "A wheel's file name and its `*.dist-info/METADATA` disagree on name or version.",
        },
        {
            id: 'metadata/wheel-record',
            category: 'drift',
            severity: 'error',
            description: "A wheel's `RECORD` does not list exactly the files present, with their hashes.",
        },
    ],
    create({ artifact, report }) {
        const wheel = /([^/\\]+)\.whl$/i.exec(artifact);
        const hashes = new Map();
        let metadata;
        let record;
        const read = (path, bytes) => {
            hashes.set(path, (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('base64url'));
            if (METADATA.test(path))
                metadata = { path, text: bytes.toString('utf8') };
            if (RECORD.test(path))
                record = { path, text: bytes.toString('utf8') };
        };
        return {
            stream(e) {
                if (!wheel || e.depth)
                    return undefined;
                // Only the two metadata files are kept whole; every other file is hashed as it streams.
                if (METADATA.test(e.path) || RECORD.test(e.path))
                    return new body/* WholeCollector */.Zv((bytes) => read(e.path, bytes));
                const hash = (0,external_node_crypto_.createHash)('sha256');
                return {
                    write: (c) => hash.update(c),
                    end: () => hashes.set(e.path, hash.digest('base64url')),
                };
            },
            entry(e) {
                if (!wheel || e.depth || e.type !== 'file' || !e.content)
                    return;
                read(e.path, e.content);
            },
            end(entries) {
                if (!wheel)
                    return;
                const [fileName = '', fileVersion = ''] = wheel[1].split('-');
                if (metadata) {
                    const name = /^Name:\s*(.+)$/m.exec(metadata.text)?.[1].trim() ?? '';
                    const version = /^Version:\s*(.+)$/m.exec(metadata.text)?.[1].trim() ?? '';
                    if (normalize(name) !== normalize(fileName) || version !== fileVersion) {
                        report({
                            rule: 'metadata/wheel-name-mismatch',
                            file: metadata.path,
                            message: `the wheel is named ${fileName} ${fileVersion} but METADATA says ${name || '(no name)'} ${version || '(no version)'}`,
                        });
                    }
                }
                if (!record) {
                    report({
                        rule: 'metadata/wheel-record',
                        file: '',
                        message: 'the wheel has no *.dist-info/RECORD',
                    });
                    return;
                }
                const listed = parseRecord(record.text);
                for (const e of entries) {
                    if (e.type === 'directory' || e.path === record.path)
                        continue;
                    const r = listed.get(e.path);
                    if (!r)
                        report({
                            rule: 'metadata/wheel-record',
                            file: e.path,
                            message: `${e.path} is in the wheel but not in RECORD`,
                        });
                    else if (r.hash && r.hash !== `sha256=${hashes.get(e.path)}`)
                        report({
                            rule: 'metadata/wheel-record',
                            file: e.path,
                            message: `${e.path} does not match its RECORD hash`,
                        });
                }
                const present = new Set(entries.map((e) => e.path));
                for (const path of listed.keys()) {
                    if (!present.has(path))
                        report({
                            rule: 'metadata/wheel-record',
                            file: path,
                            message: `RECORD lists ${path}, which is not in the wheel`,
                        });
                }
            },
        };
    },
});
/** RECORD is CSV: path,hash,size; paths with commas are quoted. */
function parseRecord(text) {
    const out = new Map();
    for (const line of text.split(/\r?\n/)) {
        if (!line.trim())
            continue;
        const m = /^(?:"((?:[^"]|"")*)"|([^,]*)),([^,]*)/.exec(line);
        if (m)
            out.set((m[1]?.replace(/""/g, '"') ?? m[2]), { hash: m[3] });
    }
    return out;
}

;// CONCATENATED MODULE: ./build/src/rules/key-bytes.js
/**
 * Binary key formats told by their first bytes, whatever the file is called: a Java keystore,
 * a PKCS#12 bundle, a DER private key. Only the first few bytes of a file are read, so this
 * costs nothing per file; a DER key must also declare exactly the file's length, which random
 * binaries and certificates (a DER certificate starts `30 82 .. .. 30 82`) do not.
 */
function binaryKeyKind(head, size) {
    if (head.length < 8)
        return undefined;
    const magic = head.readUInt32BE(0);
    if (magic === 0xfeedfeed)
        return 'a Java keystore (JKS)';
    if (magic === 0xcececece)
        return 'a Java keystore (JCEKS)';
    if (head[0] !== 0x30)
        return undefined;
    const seq = derLength(head, 1);
    if (!seq)
        return undefined;
    const body = head.subarray(seq.at);
    // PFX: SEQUENCE { INTEGER 3, ContentInfo SEQUENCE ... } (BER indefinite lengths are allowed).
    if (startsWith(body, [0x02, 0x01, 0x03, 0x30]))
        return 'a PKCS#12 keystore';
    if (seq.length !== undefined && seq.at + seq.length !== size)
        return undefined;
    // PKCS#1 RSAPrivateKey: INTEGER 0, then the modulus INTEGER.
    if (startsWith(body, [0x02, 0x01, 0x00, 0x02]))
        return 'a DER private key (PKCS#1)';
    // PKCS#8 PrivateKeyInfo: INTEGER 0, AlgorithmIdentifier SEQUENCE, then the key OCTET STRING.
    if (startsWith(body, [0x02, 0x01, 0x00, 0x30]))
        return 'a DER private key (PKCS#8)';
    // SEC1 ECPrivateKey: INTEGER 1, the key OCTET STRING.
    if (startsWith(body, [0x02, 0x01, 0x01, 0x04]))
        return 'a DER private key (EC)';
    // EncryptedPrivateKeyInfo: AlgorithmIdentifier { OID PBES2 (pkcs5) or a pkcs12 PBE, ... }.
    const alg = body[0] === 0x30 ? derLength(body, 1) : undefined;
    const oid = alg && body.subarray(alg.at);
    if (oid && (startsWith(oid, PKCS5) || startsWith(oid, PKCS12_PBE)))
        return 'an encrypted DER private key (PKCS#8)';
    return undefined;
}
const PKCS5 = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05];
const PKCS12_PBE = [0x06, 0x0a, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c];
/** A DER length at `at`: where the value starts and how long it is (undefined: indefinite). */
function derLength(b, at) {
    const first = b[at];
    if (first === undefined)
        return undefined;
    if (first < 0x80)
        return { at: at + 1, length: first };
    if (first === 0x80)
        return { at: at + 1 };
    const n = first & 0x7f;
    if (n > 4 || at + 1 + n > b.length)
        return undefined;
    let length = 0;
    for (let i = 0; i < n; i++)
        length = length * 256 + b[at + 1 + i];
    return { at: at + 1 + n, length };
}
function startsWith(b, bytes) {
    return bytes.every((x, i) => b[i] === x);
}

;// CONCATENATED MODULE: ./build/src/rules/sensitive-files.js
const base = (re) => (_, b) => re.test(b);
const path = (re) => (p) => re.test(p);
/** A value that is there and is not a `${VAR}` reference or an obvious placeholder. */
const REAL = String.raw `[ \t]*[:=][ \t]*["']?(?!\$\{|\$[A-Z_]|<|your|changeme|xxx|\*\*\*)[^\s"'#]{4,}`;
const has = (keys, real = REAL) => {
    const re = new RegExp(`^[ \\t]*(?:${keys})${real}`, 'im');
    return (text) => re.test(text);
};
/** yarn v1's `.yarnrc` separates key and value by a space (`"//r/:_authToken" "v"`) too. */
const REAL_SPACED = REAL.replace('[:=]', `(?:[:=]|["']?[ \\t])`);
const NPM_AUTH = String.raw `(?:"?\/\/[^\s=]*:)?(?:_authToken|_auth|_password)"?`;
/** Names an example, not a live file: its content decides. */
const EXAMPLE = /(?:^|[._-])(?:example|sample|template|dist|defaults)(?:$|[._-])/i;
/** Names an example or a schema (which lists keys, never values): not a live file. */
const NOT_LIVE = /(?:^|[._-])(?:example|sample|template|dist|defaults|schema)(?:$|[._-])/i;
const SECRET_KEYS = String.raw `[\w.]*(?:secret|token|password|passwd|api_?key|private_?key|access_?key)[\w.]*`;
/**
 * A credential-named variable with a value that is not a reference or a placeholder: what makes
 * a file only named like an env file (`*.env`, `.envrc`, `.envs/`) one that leaks (a template's
 * `GREETING=Hello` does not).
 */
const SECRET_ASSIGNED = has(`(?:export[ \\t]+)?${SECRET_KEYS}`, REAL.replace('[:=]', '='));
/**
 * The name as a release step may leave it: invisible characters and trailing spaces dropped,
 * editor leftovers (`#.env#`, `.env~`) unwrapped, so `.env\u200b` and `.env ` are `.env`.
 */
function plainName(b) {
    return b
        .replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
        .replace(/[\s.]+$/, '')
        .replace(/^#(.+)#$/, '$1')
        .replace(/~+$/, '');
}
const env = (re) => (_, b) => re.test(plainName(b));
/** Credential and key files: `file/sensitive-*` (errors in `recommended`). */
const SENSITIVE_FILES = [
    {
        rule: 'file/sensitive-env',
        what: 'an environment file',
        // `.env`, `.env.production`, `.env_production`, `.env-local`, and their leftovers.
        name: (p, b) => env(/^\.env(?:[._-][\w.-]+)?$/i)(p, b) && !NOT_LIVE.test(plainName(b).slice(4)),
    },
    {
        rule: 'file/sensitive-env',
        what: 'an environment file',
        // `production.env`, `app.env`: named like one, and it assigns a credential.
        name: (p, b) => env(/^[^.][^/]*\.env$/i)(p, b) && !NOT_LIVE.test(plainName(b).slice(0, -4)),
        content: SECRET_ASSIGNED,
    },
    {
        rule: 'file/sensitive-env',
        what: 'an environment file',
        // cookiecutter-django's `.envs/.production/.django`; direnv's `.envrc`.
        name: (p, b) => (/(^|\/)\.envs\//.test(p) && !NOT_LIVE.test(plainName(b))) || env(/^\.envrc$/)(p, b),
        content: SECRET_ASSIGNED,
    },
    {
        rule: 'file/sensitive-env',
        what: 'an example environment file with real-looking values',
        name: (p, b) => (env(/^(?:\.env[._-].*|.*\.env)$/i)(p, b) || /(^|\/)\.envs\//.test(p)) &&
            EXAMPLE.test(plainName(b)),
        content: has(SECRET_KEYS),
    },
    {
        rule: 'file/sensitive-registry-credentials',
        what: 'an .npmrc with an auth token or password',
        name: base(/^\.?npmrc$/),
        content: has(NPM_AUTH),
    },
    {
        rule: 'file/sensitive-registry-credentials',
        what: 'a .yarnrc with an auth token or password',
        name: base(/^\.yarnrc$/),
        content: has(NPM_AUTH, REAL_SPACED),
    },
    {
        rule: 'file/sensitive-registry-credentials',
        what: 'a .yarnrc.yml with an auth token',
        name: base(/^\.yarnrc\.yml$/),
        content: has('npmAuthToken|npmAuthIdent'),
    },
    {
        rule: 'file/sensitive-registry-credentials',
        what: 'a .pypirc with a password',
        name: base(/^\.pypirc$/),
        content: has('password'),
    },
    {
        rule: 'file/sensitive-registry-credentials',
        what: 'RubyGems credentials',
        name: path(/(^|\/)\.gem\/credentials$/),
        content: has(String.raw `:?\w*api_key`),
    },
    {
        rule: 'file/sensitive-registry-credentials',
        what: 'Cargo registry credentials',
        name: path(/(^|\/)\.cargo\/credentials(\.toml)?$/),
        content: has('token'),
    },
    {
        rule: 'file/sensitive-credentials',
        what: 'a .netrc with a password',
        name: base(/^_?\.?netrc$/),
        content: (t) => /\bpassword\s+\S{4,}/.test(t),
    },
    {
        rule: 'file/sensitive-credentials',
        what: 'a PostgreSQL password file',
        name: base(/^(\.pgpass|pgpass\.conf)$/),
        // host:port:database:user:password, with a password that is not a placeholder.
        content: (t) => /^[^#:\n]*:[^:\n]*:[^:\n]*:[^:\n]*:(?!\$|<|\*+$)[^\n:]{4,}$/m.test(t),
    },
    {
        rule: 'file/sensitive-credentials',
        what: 'a .git-credentials file',
        name: base(/^\.git-credentials$/),
    },
    {
        rule: 'file/sensitive-credentials',
        what: 'AWS credentials',
        name: path(/(^|\/)\.aws\/(credentials|config)$/),
        content: has('aws_secret_access_key|aws_session_token'),
    },
    {
        rule: 'file/sensitive-credentials',
        what: 'a Docker config with registry auths',
        name: base(/^config\.json$/i),
        broad: true,
        content: (t) => /"auths"\s*:\s*\{/.test(t) &&
            /"(?:auth|identitytoken|registrytoken)"\s*:\s*"[A-Za-z0-9+/=._-]{8,}"/.test(t),
    },
    {
        rule: 'file/sensitive-credentials',
        what: 'a kubeconfig with credentials',
        name: (p, b) => /(^|\/)\.kube\/config$/.test(p) ||
            /^(kubeconfig(\.ya?ml)?|[\w.-]+\.kubeconfig|admin\.conf|kubelet\.conf|super-admin\.conf|controller-manager\.conf|scheduler\.conf)$/i.test(b),
        content: (t) => /^\s*(client-key-data|token|password)\s*:\s*\S{8,}/m.test(t),
    },
    {
        rule: 'file/sensitive-credentials',
        what: 'Google application default credentials',
        name: base(/\.json$/i),
        broad: true,
        content: (t) => /"type"\s*:\s*"(authorized_user|service_account|external_account)"/.test(t) &&
            /"(refresh_token|private_key|client_secret)"\s*:\s*"[^"]{8,}/.test(t),
    },
    {
        rule: 'file/sensitive-credentials',
        what: 'Terraform state (it holds every secret Terraform manages)',
        name: base(/\.tfstate(\.backup)?$/),
    },
    { rule: 'file/sensitive-credentials', what: 'an .htpasswd file', name: base(/^\.htpasswd$/) },
    {
        rule: 'file/sensitive-private-key',
        what: 'an SSH private key',
        name: base(/^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/),
    },
    {
        rule: 'file/sensitive-private-key',
        what: 'a PEM file with a private key',
        name: base(/\.(pem|key|crt|cer)$/i),
        content: (t) => /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----\s*[A-Za-z0-9+/=\s:,-]{64,}-----END/.test(t),
    },
    {
        rule: 'file/sensitive-private-key',
        what: 'a keystore (PKCS#12 / Java)',
        name: base(/\.(p12|pfx|jks|keystore|bks)$/i),
    },
    { rule: 'file/sensitive-private-key', what: 'a PuTTY private key', name: base(/\.ppk$/i) },
];
const CRUFT = [
    {
        rule: 'file/vcs-folder',
        what: 'a version-control folder',
        test: /(^|\/)\.(git|svn|hg|bzr)(\/|$)/,
    },
    {
        rule: 'file/cruft',
        what: 'macOS folder metadata',
        test: /(^|\/)(\.DS_Store|\._[^/]+|Thumbs\.db|desktop\.ini)$/,
    },
    { rule: 'file/cruft', what: 'an editor folder', test: /(^|\/)\.(idea|vscode|vs|fleet)\// },
    {
        rule: 'file/cruft',
        what: 'a coverage report',
        test: /(^|\/)(coverage|\.nyc_output|htmlcov)\//,
    },
    {
        rule: 'file/cruft',
        what: 'a debug log',
        test: /(^|\/)(npm-debug\.log|yarn-debug\.log|yarn-error\.log|lerna-debug\.log|pnpm-debug\.log)[^/]*$/,
    },
    { rule: 'file/cruft', what: 'a backup or swap file', test: /(\.orig|\.rej|\.bak|~|\.sw[op])$/ },
];
/** Test folders: reported in npm packages, where they only add weight. */
const TEST_FOLDER = /(^|\/)(test|tests|__tests__|__mocks__|spec)\//;

;// CONCATENATED MODULE: ./build/src/rules/sensitive.js



/** Credential files, keys and cruft, by name and (where it decides) by content. */
const sensitiveRules = (0,types/* defineFamily */.u)({
    rules: [
        {
            id: 'file/sensitive-env',
            category: 'leak',
            severity: 'error',
            description: 'An environment file ships: `.env`, `.env.production`, `.env_production`, `*.env`, `.envrc`, files under `.envs/`, and the leftovers a release step leaves (`.env~`, `#.env#`, a name with trailing spaces or invisible characters).',
        },
        {
            id: 'file/sensitive-registry-credentials',
            category: 'leak',
            severity: 'error',
            description: 'A package-registry config ships with a token or password: `.npmrc`/`npmrc` (a byte-order mark too), `.yarnrc`, `.yarnrc.yml`, `.pypirc`, `.gem/credentials`, `.cargo/credentials.toml`.',
        },
        {
            id: 'file/sensitive-credentials',
            category: 'leak',
            severity: 'error',
            description: 'A credentials file ships: `.netrc`, `.pgpass`, `.git-credentials`, AWS, a Docker `config.json` with auths, a kubeconfig with credentials (`admin.conf`, `*.kubeconfig`), gcloud, Terraform state and its `.backup`, `.htpasswd`.',
        },
        {
            id: 'file/sensitive-private-key',
            category: 'leak',
            severity: 'error',
            description: 'A private key or keystore file ships: `id_rsa`, `*.pem` with a key, `*.p12`, `*.jks`, ..., and, whatever its name, a DER private key (PKCS#1, PKCS#8, EC, encrypted), a PKCS#12 bundle or a Java keystore told by its bytes.',
        },
        {
            id: 'file/vcs-folder',
            category: 'leak',
            severity: 'warning',
            description: 'A version-control folder (`.git/`, `.svn/`, `.hg/`) ships: it can hold the whole history.',
            judged: 'A `.git/` folder is an error: its `config` can hold remote URLs with credentials and its objects every version of every file (both are scanned for secrets, objects inflated).',
        },
        {
            id: 'file/cruft',
            category: 'policy',
            severity: 'notice',
            description: 'Development cruft ships: `.DS_Store`, editor folders, coverage reports, debug logs, backups.',
        },
        {
            id: 'file/test-folder',
            category: 'policy',
            severity: 'notice',
            description: 'An npm package ships its test folder.',
        },
    ],
    create({ report }) {
        const tests = new Set();
        let isNpm = false;
        const once = new Set();
        return {
            entry(e) {
                if (e.type === 'directory')
                    return;
                if (!e.depth && e.path === 'package.json')
                    isNpm = true;
                const baseName = e.path.slice(e.path.lastIndexOf('/') + 1);
                const sensitive = SENSITIVE_FILES.find((s) => s.name(e.path, baseName) && matchesContent(e, s));
                if (sensitive)
                    report({ rule: sensitive.rule, file: e.path, message: `${e.path} is ${sensitive.what}` });
                const head = e.type === 'file' && !sensitive ? (e.content ?? e.head) : undefined;
                const key = head && binaryKeyKind(head, e.size);
                if (key)
                    report({
                        rule: 'file/sensitive-private-key',
                        file: e.path,
                        message: `${e.path} is ${key}`,
                    });
                for (const c of CRUFT) {
                    const m = c.test.exec(e.path);
                    if (!m)
                        continue;
                    // Report a folder once, by its path, not once per file inside it.
                    const folder = m[0].endsWith('/') ? e.path.slice(0, m.index + m[0].length) : e.path;
                    if (once.has(folder))
                        continue;
                    once.add(folder);
                    const git = c.rule === 'file/vcs-folder' && /(^|\/)\.git\/$/.test(folder);
                    report({
                        rule: c.rule,
                        file: folder,
                        message: `${folder} is ${c.what}`,
                        ...(git && { severity: 'error', because: GIT_WHY }),
                    });
                }
                const t = !e.depth ? TEST_FOLDER.exec(e.path) : null;
                if (t)
                    tests.add(e.path.slice(0, t.index + t[0].length));
            },
            end() {
                if (!isNpm)
                    return;
                for (const folder of tests) {
                    if ([...tests].some((o) => o !== folder && folder.startsWith(o)))
                        continue;
                    report({
                        rule: 'file/test-folder',
                        file: folder,
                        message: `${folder} is a test folder in an npm package (add it to .npmignore or narrow "files")`,
                    });
                }
            },
        };
    },
});
const GIT_WHY = 'a .git folder holds the remote URLs and every version of every file';
function matchesContent(e, s) {
    if (!s.content)
        return true;
    // Unread content (over a limit, encrypted) cannot clear a suspicious name.
    const bytes = e.content ?? e.head;
    if (!bytes)
        return !s.broad;
    // A UTF-8 byte-order mark (an editor's) must not hide the first line.
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return s.content(bytes.subarray(start, 1024 * 1024).toString('latin1'));
}

;// CONCATENATED MODULE: ./build/src/rules/size.js


/** `limits`: size budgets for the whole artifact, each file, and the number of files. */
const sizeRules = (0,types/* defineFamily */.u)({
    rules: [
        {
            id: 'size/total',
            category: 'policy',
            severity: 'error',
            always: true,
            description: 'The artifact is larger than `limits.max-total-size`.',
        },
        {
            id: 'size/file',
            category: 'policy',
            severity: 'error',
            always: true,
            description: 'A file is larger than `limits.max-file-size`.',
        },
        {
            id: 'size/file-count',
            category: 'policy',
            severity: 'error',
            always: true,
            description: 'The artifact has more files than `limits.max-files`.',
        },
    ],
    create({ config, report }) {
        const { maxTotalSize, maxFileSize, maxFiles } = config.limits;
        return {
            entry(e) {
                if (maxFileSize !== undefined && e.type === 'file' && !e.depth && e.size > maxFileSize) {
                    report({
                        rule: 'size/file',
                        file: e.path,
                        message: `${e.path} is ${(0,units/* formatSize */.Xq)(e.size)}, over max-file-size ${(0,units/* formatSize */.Xq)(maxFileSize)}`,
                    });
                }
            },
            end(entries) {
                const files = entries.filter((e) => e.type === 'file');
                const total = files.reduce((n, e) => n + e.size, 0);
                if (maxTotalSize !== undefined && total > maxTotalSize) {
                    report({
                        rule: 'size/total',
                        file: '',
                        message: `the artifact unpacks to ${(0,units/* formatSize */.Xq)(total)}, over max-total-size ${(0,units/* formatSize */.Xq)(maxTotalSize)}`,
                    });
                }
                if (maxFiles !== undefined && files.length > maxFiles) {
                    report({
                        rule: 'size/file-count',
                        file: '',
                        message: `the artifact has ${files.length} files, over max-files ${maxFiles}`,
                    });
                }
            },
        };
    },
});

// EXTERNAL MODULE: ./build/src/rules/secrets/detectors/index.js + 38 modules
var detectors = __nccwpck_require__(3398);
// EXTERNAL MODULE: ./build/src/rules/secrets/engine/scanner.js + 7 modules
var scanner = __nccwpck_require__(3491);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/map-tokens.js
/** Byte-level pieces of the streaming source-map scanner (map-scan.ts). */
const QUOTE = 0x22;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const BACKSLASH = 0x5c;
/** The anti-XSSI prefix a map may start with (the rest of its line is ignored too). */
const XSSI_PREFIX = Buffer.from(")]}'", 'latin1');
function byteSet(chars) {
    const set = new Uint8Array(256);
    for (let i = 0; i < chars.length; i++)
        set[chars.charCodeAt(i)] = 1;
    return set;
}
/** JSON whitespace; anything else between tokens is an error. */
const WHITESPACE = byteSet(' \t\n\r');
/**
 * Bytes a number, `true`, `false` or `null` is made of. Wider than what is valid, so that a
 * token like `tru` or `1x` is read whole and then rejected by {@link LiteralReader}.
 */
const LITERAL_BYTE = byteSet('0123456789+-.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
const LITERAL_TOKEN = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;
/** Longer is no literal a map needs; past it the text stops growing, so a hostile run costs nothing. */
const MAX_LITERAL = 512;
/**
 * Bytes `[from, to)` as a latin1 string (one character per byte). Node's own `latin1Slice`,
 * undocumented but stable: `toString('latin1', ...)` wraps it in argument checks that cost
 * more than the copy for the thousands of short strings a map holds.
 */
function latin1(c, from, to) {
    return c.latin1Slice(from, to);
}
/**
 * Whether the run of backslashes that ends just before `end` (counted no further back than
 * `floor`) is odd: an odd run escapes the byte at `end`. `floor` is where the current stretch
 * of string began, so a backslash already known to be escaped is never counted twice.
 */
function oddBackslashes(chunk, end, floor) {
    let k = end;
    while (k > floor && chunk[k - 1] === BACKSLASH)
        k--;
    return ((end - k) & 1) === 1;
}
/**
 * One JSON string read in pieces as chunks arrive. Its closing quote is found with
 * `Buffer.indexOf` (memchr speed) and an escape split across chunks is carried over. Its raw
 * text is held only when the caller keeps it (up to a limit), so a skipped string of any size
 * costs a few native searches and no memory.
 */
class StringReader {
    /** Offset of the opening quote in the whole input. */
    start = 0;
    /** The kept text passed its limit: it was dropped, and the rest of the string is skipped. */
    overLimit = false;
    limit = 0;
    /** The next byte belongs to the string whatever it is: the opening quote, or an escaped byte. */
    takeNext = false;
    pieces = [];
    size = 0;
    /** A string opens at `start`; `limit` > 0 keeps up to that many raw bytes of it. */
    begin(start, limit) {
        this.start = start;
        this.limit = limit;
        this.overLimit = false;
        this.takeNext = true;
        this.pieces = [];
        this.size = 0;
    }
    /** Reads on from `i`: the index after the closing quote, or -1 if the chunk ends first. */
    read(c, i) {
        let from = this.takeNext ? i + 1 : i;
        this.takeNext = false;
        for (;;) {
            const q = c.indexOf(QUOTE, from);
            if (q < 0) {
                // A trailing odd run of backslashes escapes the next chunk's first byte.
                this.takeNext = oddBackslashes(c, c.length, from);
                this.keep(c, i, c.length);
                return -1;
            }
            if (!oddBackslashes(c, q, from)) {
                this.keep(c, i, q + 1);
                return q + 1;
            }
            from = q + 1;
        }
    }
    /** The kept string decoded by JSON.parse (undefined if invalid), then dropped. */
    text() {
        return decodeString(this.raw());
    }
    /** The kept string as it is written, quotes and escapes and all, then dropped. */
    raw() {
        const raw = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
        this.pieces = [];
        return raw;
    }
    keep(c, from, to) {
        if (this.limit === 0)
            return;
        this.size += to - from;
        if (this.size <= this.limit) {
            this.pieces.push(latin1(c, from, to));
            return;
        }
        // Kept one last time: the caller takes them (raw()) to scan them as text, then they go.
        this.pieces.push(latin1(c, from, to));
        this.overLimit = true;
        this.limit = 0;
    }
}
/** A JSON string as written (with its quotes) decoded, or undefined if it is not valid. */
function decodeString(raw) {
    try {
        return JSON.parse(raw);
    }
    catch {
        return undefined;
    }
}
/** A number, `true`, `false` or `null`: short, so gathered across chunks as text and checked whole. */
class LiteralReader {
    /** Offset of its first byte in the whole input. */
    start = 0;
    text = '';
    begin(start) {
        this.start = start;
        this.text = '';
    }
    /** Reads on from `i`: the index just after the literal, or -1 if the chunk ends first. */
    read(c, i) {
        let j = i;
        while (j < c.length && LITERAL_BYTE[c[j]] === 1)
            j++;
        if (this.text.length <= MAX_LITERAL)
            this.text += latin1(c, i, j);
        return j < c.length ? j : -1;
    }
    /** The literal as written (up to its limit). */
    get value() {
        return this.text;
    }
    /** Whether the whole literal is valid JSON. */
    valid() {
        return this.text.length <= MAX_LITERAL && LITERAL_TOKEN.test(this.text);
    }
}
/**
 * Finds where a map's JSON object starts: after JSON whitespace of any length and an optional
 * `)]}'` line (itself after whitespace), a `{`. Anything else is no JSON object, so no source
 * map at all. A UTF-8 BOM or UTF-16 is dealt with before (see MapDecoder in map-sniff.ts).
 */
class MapStart {
    /** Known not to be a map: it starts with something else, or ended before a `{`. */
    notAMap = false;
    /** Bytes of the prefix matched so far; -1 once past the place where it may be. */
    prefix = 0;
    inPrefixLine = false;
    /** Reads on from `i`: the index of the `{` once found, else -1 (see `notAMap`). */
    find(c, i) {
        while (i < c.length) {
            if (this.inPrefixLine) {
                const nl = c.indexOf(NEWLINE, i);
                if (nl < 0)
                    return -1;
                this.inPrefixLine = false;
                i = nl + 1;
                continue;
            }
            const b = c[i];
            if (this.prefix >= 0) {
                if (b === XSSI_PREFIX[this.prefix]) {
                    this.inPrefixLine = ++this.prefix === XSSI_PREFIX.length;
                    if (this.inPrefixLine)
                        this.prefix = -1;
                    i++;
                    continue;
                }
                if (this.prefix > 0)
                    return this.no(); // half a prefix
                if (WHITESPACE[b] !== 1)
                    this.prefix = -1;
            }
            if (b === OPEN_OBJECT)
                return i;
            if (WHITESPACE[b] !== 1)
                return this.no();
            i++;
        }
        return -1;
    }
    /** The input ended before its `{`. */
    end() {
        this.notAMap = true;
    }
    no() {
        this.notAMap = true;
        return -1;
    }
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/map-sniff.js


const map_sniff_OPEN_OBJECT = 0x7b;
const CLOSE_PAREN = 0x29;
/** Whether a byte may start a map's text: whitespace, `{` or the `)` of `)]}'`. */
const mayLead = (b) => WHITESPACE[b] === 1 || b === map_sniff_OPEN_OBJECT || b === CLOSE_PAREN;
/**
 * Turns a file's bytes into the UTF-8 a map is read as: a UTF-8 BOM is dropped, UTF-16 (by its
 * BOM, or without one by the zero byte beside a map's first character) is transcoded, anything
 * else is passed on as it is (the same buffer, no copy). Chunks may be cut anywhere.
 */
class MapDecoder {
    mode = 'head';
    head = Buffer.alloc(0);
    utf16;
    /** UTF-16BE: a byte of a code unit cut by the chunk's end. */
    odd;
    /** The decoded bytes of `chunk` (maybe none yet, at the very start). */
    write(chunk) {
        if (this.mode === 'utf8')
            return chunk;
        if (this.mode === 'head') {
            const head = this.head.length ? Buffer.concat([this.head, chunk]) : chunk;
            if (head.length < 3) {
                this.head = Buffer.from(head);
                return Buffer.alloc(0);
            }
            this.head = Buffer.alloc(0);
            return this.start(head);
        }
        return this.transcode(chunk, false);
    }
    /** The input ended: what was held back. */
    end() {
        if (this.mode === 'head')
            return this.start(this.head);
        if (this.mode === 'utf8')
            return Buffer.alloc(0);
        return this.transcode(Buffer.alloc(0), true);
    }
    /** Whether the input is UTF-16 (known once the first bytes are in). */
    get utf16Input() {
        return this.mode === 'le' || this.mode === 'be';
    }
    start(head) {
        const [a, b] = head;
        if (a === 0xef && b === 0xbb && head[2] === 0xbf) {
            this.mode = 'utf8';
            return head.subarray(3);
        }
        if ((a === 0xff && b === 0xfe) || (head.length >= 2 && b === 0 && a !== 0 && mayLead(a))) {
            this.mode = 'le';
        }
        else if ((a === 0xfe && b === 0xff) ||
            (head.length >= 2 && a === 0 && b !== 0 && mayLead(b))) {
            this.mode = 'be';
        }
        else {
            this.mode = 'utf8';
            return head;
        }
        this.utf16 = new external_node_util_.TextDecoder('utf-16le', { ignoreBOM: false });
        return this.transcode(head, false);
    }
    transcode(chunk, last) {
        let bytes = chunk;
        if (this.mode === 'be') {
            if (this.odd !== undefined)
                bytes = Buffer.concat([Buffer.from([this.odd]), bytes]);
            const even = bytes.length & ~1;
            this.odd = even < bytes.length ? bytes[even] : undefined;
            bytes = Buffer.from(bytes.subarray(0, even)).swap16();
        }
        const text = this.utf16.decode(bytes, { stream: !last });
        return Buffer.from(text, 'utf8');
    }
}
/**
 * Whether a file is to be read as a source map, from its first bytes: a JSON object (after a
 * BOM, whitespace of any length, a `)]}'` line; in UTF-8 or UTF-16). Most files are told apart
 * by their first byte; only a file that starts like a map is read on by the map reader.
 */
class MapSniff {
    /** 'map' once its `{` is found, 'text' once it cannot be a map; undefined before. */
    verdict;
    /** Where the `{` is in the bytes returned by the `write` that found it. */
    brace = -1;
    /** Decoded bytes read before a verdict. */
    lead = 0;
    decoder = new MapDecoder();
    start = new MapStart();
    /** The chunk's bytes decoded (see MapDecoder); sets `verdict` once it is known. */
    write(chunk) {
        const bytes = this.decoder.write(chunk);
        if (this.verdict === undefined)
            this.look(bytes);
        return bytes;
    }
    end() {
        const bytes = this.decoder.end();
        if (this.verdict === undefined)
            this.look(bytes);
        if (this.verdict === undefined)
            this.verdict = 'text';
        return bytes;
    }
    look(bytes) {
        const brace = this.start.find(bytes, 0);
        if (brace >= 0) {
            this.verdict = 'map';
            this.brace = brace;
        }
        else if (this.start.notAMap)
            this.verdict = 'text';
        else
            this.lead += bytes.length;
    }
}
/**
 * While a file's verdict is pending (its lead is whitespace or a long `)]}'` line), the secret
 * scanner holds its chunks up to this many bytes; past it, the secret scanner scans the lead
 * itself and the map reader scans from the chunk that settles the verdict on (see
 * `leadGoesToText`). Both sides decide it alike, from the same chunks.
 */
const HOLD_LEAD = 1024 * 1024;
/** Whether the undecided lead read so far is the secret scanner's to scan (see HOLD_LEAD). */
const leadGoesToText = (sniff) => sniff.lead > HOLD_LEAD;
/**
 * Whether the secret scanner leaves a file to the map reader: a map in UTF-8. A UTF-16 one is
 * scanned as it is as well (it finds nothing in a real one, whose text the map reader decodes),
 * so bytes that only start like UTF-16 JSON are never scanned only as what they would decode to.
 */
const mapReaderScans = (sniff) => sniff.verdict === 'map' && !sniff.decoder.utf16Input;
/** Whether a whole file is read as a map (by content, whatever its name). */
function sniffWhole(content) {
    const sniff = new MapSniff();
    // The first bytes settle it for nearly every file: a UTF-16 one is not transcoded whole.
    sniff.write(content.subarray(0, 4096));
    if (sniff.verdict === undefined && content.length > 4096)
        sniff.write(content.subarray(4096));
    if (sniff.verdict === undefined)
        sniff.end();
    return sniff;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/text-unless-map.js

/**
 * A streamed file's chunks for the secret scanner, unless its first bytes say it is read as a
 * source map (the sourcemap rules then scan all of it; see mapReaderScans). Chunks are held while that is not
 * known (a lead of whitespace or a `)]}'` line), up to HOLD_LEAD; past it they are scanned
 * here, and the map reader starts where the verdict comes (see leadGoesToText).
 */
class TextUnlessMap {
    open;
    sniff = new MapSniff();
    held = [];
    out;
    map = false;
    constructor(open) {
        this.open = open;
    }
    write(chunk) {
        if (this.map)
            return;
        if (this.out && this.sniff.verdict !== undefined)
            return this.out.write(chunk);
        this.sniff.write(chunk);
        if (mapReaderScans(this.sniff))
            return this.toMap();
        this.held.push(chunk);
        if (this.sniff.verdict !== undefined || leadGoesToText(this.sniff))
            this.flush();
    }
    end() {
        if (this.map)
            return;
        if (this.sniff.verdict === undefined) {
            this.sniff.end();
            if (mapReaderScans(this.sniff))
                return this.toMap();
        }
        this.flush();
        this.out?.end();
    }
    toMap() {
        this.map = true;
        this.held = [];
        this.out?.end();
    }
    flush() {
        this.out ??= this.open();
        for (const b of this.held)
            this.out.write(b);
        this.held = [];
    }
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
;// CONCATENATED MODULE: ./build/src/rules/secrets/git-objects.js

const LOOSE = /(^|\/)\.git\/objects\/[0-9a-f]{2}\/[0-9a-f]{38}$/;
const PACK = /(^|\/)\.git\/objects\/pack\/[^/]+\.pack$/;
const OFS_DELTA = 6;
const REF_DELTA = 7;
/**
 * The inflated objects of a `.git/` object file (a loose object, or each object of a pack; a
 * delta's inflated instructions hold its inserted text), or undefined when the path is none.
 * `room` is how many inflated bytes may still be made (the safety limits): inflating stops at
 * it, so a bomb of a pack costs no more than a large file.
 */
function gitObjects(path, content, room) {
    if (!path.includes('.git/objects/'))
        return undefined;
    if (LOOSE.test(path)) {
        const bytes = inflate(content, room);
        return bytes ? [{ file: path, bytes: bytes.buffer }] : [];
    }
    if (!PACK.test(path) || content.toString('latin1', 0, 4) !== 'PACK')
        return undefined;
    const out = [];
    const count = content.length >= 12 ? content.readUInt32BE(8) : 0;
    let at = 12;
    let left = room;
    for (let i = 0; i < count && at < content.length && left > 0; i++) {
        let c = content[at++];
        const type = (c >> 4) & 7;
        while (c & 0x80 && at < content.length)
            c = content[at++];
        if (type === OFS_DELTA) {
            do
                c = content[at++];
            while (c & 0x80 && at < content.length);
        }
        else if (type === REF_DELTA)
            at += 20;
        const got = inflate(content.subarray(at), left);
        if (!got)
            break;
        out.push({ file: `${path}!object[${i}]`, bytes: got.buffer });
        left -= got.buffer.length;
        at += got.consumed;
    }
    return out;
}
/** One zlib stream at the start of `data`, at most `max` bytes out; undefined when damaged or too big. */
function inflate(data, max) {
    try {
        const r = (0,external_node_zlib_.inflateSync)(data, { info: true, maxOutputLength: Math.max(1, max) });
        return { buffer: r.buffer, consumed: r.engine.bytesWritten };
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/names.js
/** Names shorter than this hold no token (the shortest detector match is longer). */
const MIN_NAME = 8;
/**
 * Entry names are scanned for secrets too: a token used as a folder or file name ships as surely
 * as one inside a file. Each folder or file name is scanned once, as the text of the path that
 * ends with it (`ghp_\u2026/config.js` reports the folder `ghp_\u2026`, not every file in it); the
 * findings pipeline then redacts the secret in every path it prints.
 */
class NameScan {
    scanName;
    seen = new Set();
    constructor(scanName) {
        this.scanName = scanName;
    }
    scan(path) {
        let from = 0;
        for (;;) {
            const slash = path.indexOf('/', from);
            const end = slash < 0 ? path.length : slash;
            if (end - from >= MIN_NAME) {
                const prefix = path.slice(0, end);
                if (!this.seen.has(prefix)) {
                    this.seen.add(prefix);
                    this.scanName(path.slice(from, end), prefix);
                }
            }
            if (slash < 0)
                return;
            from = slash + 1;
        }
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/index.js







/**
 * Low-confidence matches (a checksum that fails, a value that looks like a test one, a key
 * body that does not parse, credentials for this machine, a value presented as a format
 * example) are reported under one shared id,
 * `secret/unverified`, whose default severity is notice: a RawFinding has no severity, and one
 * id lets a project turn all doubtful matches up or off at once.
 */
const unverifiedMeta = {
    id: scanner/* UNVERIFIED */.Yg,
    category: 'leak',
    severity: 'notice',
    description: 'Something shaped like a secret that did not pass its structural check (checksum, key body), looks like a test value, is a credential for this machine (`localhost`, `127.0.0.0/8`, `[::1]`, `*.localhost`), or is presented as an example of its format (`like`, `e.g.`, `for example`, `for instance`, `such as`, `example`, `format` shortly before it in the same sentence; never a token whose provider checksum verifies).',
};
/**
 * The `secret/*` rule family: every file is scanned, except a file that starts like a source
 * map (a JSON object, see MapSniff), which the sourcemap rules read and secret-scan whole.
 */
const secretRules = (0,types/* defineFamily */.u)({
    rules: [
        ...detectors/* DETECTORS */.c.map((d) => ({
            id: d.id,
            category: 'leak',
            severity: d.severity ?? 'error',
            description: d.description,
            ...(d.judged && { judged: d.judged }),
        })),
        unverifiedMeta,
    ],
    create({ secrets, config, artifact }) {
        const archiveName = artifact.slice(artifact.lastIndexOf('/') + 1);
        const names = new NameScan((name, path) => secrets.text(name, path));
        // A shipped .git/'s objects are zlib streams: inflated within the safety limits.
        let inflated = 0;
        return {
            stream(e) {
                return new TextUnlessMap(() => secrets.sink(e.path));
            },
            entry(e) {
                names.scan(e.path);
                // Comments and extended attributes the archive keeps (`x.zip!comment`, `a!pax:comment`).
                for (const t of e.texts ?? [])
                    secrets.text(t.text, t.path.startsWith('!') ? `${archiveName}${t.path}` : t.path);
                if (e.type !== 'file' || !e.content)
                    return;
                if (mapReaderScans(sniffWhole(e.content)))
                    return;
                secrets.bytes(e.content, e.path);
                if (e.path.includes('.git/objects/')) {
                    const { maxEntryBytes, maxTotalBytes } = config.safety;
                    const room = Math.min(maxEntryBytes, maxTotalBytes - inflated);
                    for (const o of gitObjects(e.path, e.content, room) ?? []) {
                        inflated += o.bytes.length;
                        secrets.bytes(o.bytes, o.file);
                    }
                }
            },
        };
    },
});

;// CONCATENATED MODULE: ./build/src/rules/licenses/osi.generated.js
// Generated by `npm run docs` from spdx-license-list 6.12.0: every SPDX license id the Open
// Source Initiative approved. A test fails when this file is out of date.
const OSI_APPROVED = [
    '0BSD',
    'AAL',
    'AFL-1.1',
    'AFL-1.2',
    'AFL-2.0',
    'AFL-2.1',
    'AFL-3.0',
    'AGPL-3.0',
    'AGPL-3.0-only',
    'AGPL-3.0-or-later',
    'ALGLIB-Documentation',
    'APL-1.0',
    'APSL-1.0',
    'APSL-1.1',
    'APSL-1.2',
    'APSL-2.0',
    'Apache-1.1',
    'Apache-2.0',
    'Artistic-1.0',
    'Artistic-1.0-Perl',
    'Artistic-1.0-cl8',
    'Artistic-2.0',
    'BSD-1-Clause',
    'BSD-2-Clause',
    'BSD-2-Clause-Patent',
    'BSD-3-Clause',
    'BSD-3-Clause-LBNL',
    'BSD-3-Clause-Open-MPI',
    'BSL-1.0',
    'BlueOak-1.0.0',
    'CAL-1.0',
    'CAL-1.0-Combined-Work-Exception',
    'CATOSL-1.1',
    'CDDL-1.0',
    'CECILL-2.1',
    'CERN-OHL-P-2.0',
    'CERN-OHL-S-2.0',
    'CERN-OHL-W-2.0',
    'CNRI-Python',
    'CPAL-1.0',
    'CPL-1.0',
    'CUA-OPL-1.0',
    'ECL-1.0',
    'ECL-2.0',
    'EFL-1.0',
    'EFL-2.0',
    'EPL-1.0',
    'EPL-2.0',
    'EUDatagrid',
    'EUPL-1.1',
    'EUPL-1.2',
    'Entessa',
    'Fair',
    'Frameworx-1.0',
    'GPL-2.0',
    'GPL-2.0+',
    'GPL-2.0-only',
    'GPL-2.0-or-later',
    'GPL-3.0',
    'GPL-3.0+',
    'GPL-3.0-only',
    'GPL-3.0-or-later',
    'GPL-3.0-with-GCC-exception',
    'HPND',
    'ICU',
    'IPA',
    'IPL-1.0',
    'ISC',
    'Intel',
    'Jam',
    'LGPL-2.0',
    'LGPL-2.0+',
    'LGPL-2.0-only',
    'LGPL-2.0-or-later',
    'LGPL-2.1',
    'LGPL-2.1+',
    'LGPL-2.1-only',
    'LGPL-2.1-or-later',
    'LGPL-3.0',
    'LGPL-3.0+',
    'LGPL-3.0-only',
    'LGPL-3.0-or-later',
    'LPL-1.0',
    'LPL-1.02',
    'LPPL-1.3c',
    'LiLiQ-P-1.1',
    'LiLiQ-R-1.1',
    'LiLiQ-Rplus-1.1',
    'MIT',
    'MIT-0',
    'MIT-Modern-Variant',
    'MPL-1.0',
    'MPL-1.1',
    'MPL-2.0',
    'MPL-2.0-no-copyleft-exception',
    'MS-PL',
    'MS-RL',
    'MirOS',
    'Motosoto',
    'MulanPSL-2.0',
    'Multics',
    'NASA-1.3',
    'NCSA',
    'NGPL',
    'NPOSL-3.0',
    'NTP',
    'Naumen',
    'Nokia',
    'OCLC-2.0',
    'OFL-1.1',
    'OFL-1.1-RFN',
    'OFL-1.1-no-RFN',
    'OGTSL',
    'OLDAP-2.8',
    'OLFL-1.3',
    'OSC-1.0',
    'OSET-PL-2.1',
    'OSL-1.0',
    'OSL-2.0',
    'OSL-2.1',
    'OSL-3.0',
    'PHP-3.0',
    'PHP-3.01',
    'PostgreSQL',
    'Python-2.0',
    'QPL-1.0',
    'RPL-1.1',
    'RPL-1.5',
    'RPSL-1.0',
    'RSCPL',
    'SISSL',
    'SPL-1.0',
    'SimPL-2.0',
    'Sleepycat',
    'UCL-1.0',
    'UPL-1.0',
    'Unicode-3.0',
    'Unicode-DFS-2016',
    'Unlicense',
    'VSL-1.0',
    'W3C',
    'W3C-20150513',
    'Watcom-1.0',
    'WordNet',
    'Xnet',
    'ZPL-2.0',
    'ZPL-2.1',
    'Zlib',
    'wxWindows',
];

;// CONCATENATED MODULE: ./build/src/rules/licenses/spdx.js

/**
 * Public-domain dedications that OSI never reviewed but that put the source in everyone's hands
 * all the same.
 */
const DEDICATIONS = ['CC0-1.0', 'WTFPL'];
const OPEN = new Set([...OSI_APPROVED, ...DEDICATIONS].map((id) => id.toLowerCase()));
/** Whether one SPDX license id (`MIT`, `GPL-2.0+`, `Apache-2.0`) is an open-source license. */
function isOpenLicenseId(id) {
    const bare = id.trim().toLowerCase().replace(/\+$/, '');
    return OPEN.has(bare) || OPEN.has(`${bare}-only`);
}
/**
 * Whether an SPDX license expression puts the code under an open-source license: `OR` needs
 * one open choice, `AND` needs all, `WITH` an exception keeps the license it qualifies.
 * Anything that does not parse (`SEE LICENSE IN ...`, `UNLICENSED`, `LicenseRef-...`, free text)
 * is not open.
 */
function isOpenExpression(expression) {
    const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
    let at = 0;
    const fail = Symbol('fail');
    const peek = () => tokens[at];
    const word = (w) => peek()?.toUpperCase() === w;
    const primary = () => {
        if (peek() === '(') {
            at++;
            const v = or();
            if (peek() !== ')')
                throw fail;
            at++;
            return v;
        }
        const id = tokens[at++];
        if (!id || id === ')' || /^(AND|OR|WITH)$/i.test(id))
            throw fail;
        if (word('WITH')) {
            at++;
            if (!tokens[at++])
                throw fail;
        }
        return isOpenLicenseId(id);
    };
    const and = () => {
        let v = primary();
        while (word('AND')) {
            at++;
            v = primary() && v;
        }
        return v;
    };
    const or = () => {
        let v = and();
        while (word('OR')) {
            at++;
            v = and() || v;
        }
        return v;
    };
    try {
        const v = or();
        return at === tokens.length && v;
    }
    catch (err) {
        if (err !== fail)
            throw err;
        return false;
    }
}

;// CONCATENATED MODULE: ./build/src/rules/licenses/openness.js

const NOTHING_SAYS = {
    public: false,
    why: 'no license metadata says its sources are public',
};
/** Judges from whichever metadata the artifact has; where none says, the source is not public. */
function openness(m) {
    if (m.packageJson !== undefined)
        return npmOpenness(m.packageJson);
    if (m.wheelMetadata !== undefined)
        return wheelOpenness(m.wheelMetadata);
    if (m.pom !== undefined)
        return pomOpenness(m.pom);
    return NOTHING_SAYS;
}
function npmOpenness(text) {
    let pkg;
    try {
        pkg = JSON.parse(text);
    }
    catch {
        return { public: false, why: 'its package.json does not parse' };
    }
    if (pkg.private === true)
        return { public: false, why: 'the package is private' };
    const license = npmLicense(pkg);
    if (license === undefined)
        return { public: false, why: 'package.json names no license' };
    if (!isOpenExpression(license))
        return { public: false, why: `its license '${license}' is not an open-source license` };
    const repo = repositoryUrl(pkg.repository);
    if (!repo || !isPublicRepository(repo))
        return { public: false, why: 'package.json names no public repository' };
    return { public: true, why: `${license}-licensed, public repository: its sources are public` };
}
/** `license`, or the old `licenses: [{ type }]` form, as one SPDX expression. */
function npmLicense(pkg) {
    if (typeof pkg.license === 'string')
        return pkg.license;
    if (pkg.license && typeof pkg.license === 'object') {
        const type = pkg.license.type;
        if (typeof type === 'string')
            return type;
    }
    if (Array.isArray(pkg.licenses)) {
        const types = pkg.licenses.map((l) => l?.type);
        if (types.length && types.every((t) => typeof t === 'string'))
            return types.join(' OR ');
    }
    return undefined;
}
function repositoryUrl(repo) {
    if (typeof repo === 'string')
        return repo;
    if (repo && typeof repo === 'object') {
        const url = repo.url;
        if (typeof url === 'string')
            return url;
    }
    return undefined;
}
const HOSTED_SHORTHAND = /^(?:(github|gitlab|bitbucket|gist):)?[\w.-]+\/[\w.-]+$/i;
const PRIVATE_HOST = /^(?:localhost|[^.]+|.*\.(?:local|localhost|internal|intranet|corp|lan|home|test|invalid|example))$|^(?:10|127)\.|^192\.168\.|^172\.(?:1[6-9]|2\d|3[01])\./i;
/**
 * Whether a repository reference can be public: `owner/repo` and hosted shorthands
 * (`github:owner/repo`), or a URL on a host that is not a local or intranet name.
 */
function isPublicRepository(ref) {
    const r = ref.trim();
    if (HOSTED_SHORTHAND.test(r))
        return true;
    const scp = /^[\w.-]+@([\w.-]+):/.exec(r); // git@github.com:owner/repo.git
    let host = scp?.[1];
    if (!host) {
        try {
            host = new URL(r.replace(/^git\+/, '')).hostname;
        }
        catch {
            return false;
        }
    }
    return host !== '' && !PRIVATE_HOST.test(host);
}
/** A wheel's METADATA: License-Expression (PEP 639), OSI classifiers, or a License field. */
function wheelOpenness(text) {
    const fields = headerFields(text);
    const expression = fields.get('license-expression')?.[0];
    const classifiers = fields.get('classifier') ?? [];
    const osi = classifiers.find((c) => /^License :: OSI Approved\b/.test(c));
    const license = fields.get('license')?.[0];
    const open = expression
        ? isOpenExpression(expression)
        : Boolean(osi) || (license !== undefined && isOpenExpression(license));
    const named = expression ?? osi?.split('::').at(-1)?.trim() ?? license;
    if (!named)
        return { public: false, why: 'its METADATA names no license' };
    if (!open)
        return { public: false, why: `its license '${named}' is not an open-source license` };
    const urls = [
        ...(fields.get('home-page') ?? []),
        ...(fields.get('project-url') ?? []).map((u) => u.slice(u.indexOf(',') + 1)),
    ];
    if (!urls.some((u) => isPublicRepository(u)))
        return { public: false, why: 'its METADATA names no public project URL' };
    return { public: true, why: `${named}-licensed, public project URL: its sources are public` };
}
/** RFC 822-style headers (the part of METADATA before its blank line), by lower-case name. */
function headerFields(text) {
    const out = new Map();
    for (const line of text.split(/\r?\n/)) {
        if (line === '')
            break;
        const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
        if (!m)
            continue;
        const key = m[1].toLowerCase();
        out.set(key, [...(out.get(key) ?? []), m[2].trim()]);
    }
    return out;
}
/** Common license names and URLs in pom.xml files, as SPDX ids. */
const POM_LICENSES = [
    [/apache.*2|apache\.org\/licenses\/LICENSE-2\.0/i, 'Apache-2.0'],
    [/\bMIT\b|opensource\.org\/licenses\/MIT/i, 'MIT'],
    [/BSD.*3|3-clause|new bsd/i, 'BSD-3-Clause'],
    [/BSD.*2|2-clause|simplified bsd/i, 'BSD-2-Clause'],
    [/eclipse public license.*2|EPL-2/i, 'EPL-2.0'],
    [/eclipse public license|EPL-1/i, 'EPL-1.0'],
    [/mozilla public license.*2|MPL-2/i, 'MPL-2.0'],
    [/lesser general public license|LGPL/i, 'LGPL-2.1-or-later'],
    [/general public license|GPL/i, 'GPL-2.0-or-later'],
];
/** A jar's Maven pom.xml: `<licenses>` names and `<scm>`/`<url>` for where the source lives. */
function pomOpenness(text) {
    const licenses = [...text.matchAll(/<license>([\s\S]*?)<\/license>/g)].map((m) => m[1]);
    if (licenses.length === 0)
        return { public: false, why: 'its pom.xml names no license' };
    const ids = licenses.map((l) => {
        const name = /<name>([\s\S]*?)<\/name>/.exec(l)?.[1] ?? '';
        const url = /<url>([\s\S]*?)<\/url>/.exec(l)?.[1] ?? '';
        return POM_LICENSES.find(([re]) => re.test(name) || re.test(url))?.[1];
    });
    const open = ids.find((id) => id !== undefined);
    if (!open)
        return { public: false, why: 'its pom.xml names no open-source license' };
    const scm = /<scm>[\s\S]*?<url>([\s\S]*?)<\/url>/.exec(text)?.[1];
    if (!scm || !isPublicRepository(scm.trim()))
        return { public: false, why: 'its pom.xml names no public source repository' };
    return { public: true, why: `${open}-licensed, public repository: its sources are public` };
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/comments.js
const MARKER = 'sourceMappingURL=';
/** What comes before the marker, then any spaces or tabs (as V8 reads them). */
const LEADS = new Set(['//#', '//@', '/*#', '/*@']);
/** Whether the 3 characters (latin1) before a run of spaces and tabs open a mapping comment. */
const isLead = (three) => LEADS.has(three);
/** Where a URL ends: whitespace, a quote or backtick, `<` (an HTML tag after it), or `*\/`. */
const URL_END = /[\s'"`<]/;
/**
 * Every `//# sourceMappingURL=` (or `//@`, or CSS's `/*# ... *\/`) comment in a file. Bundles
 * that concatenate files can carry several, so all are returned, not just the last.
 */
function findMappingUrls(text) {
    const out = [];
    // After a URL, the search goes on past it: a marker inside a URL is not a comment.
    for (let i = text.indexOf(MARKER), next; i >= 0; i = text.indexOf(MARKER, next)) {
        next = i + MARKER.length;
        let k = i;
        while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t'))
            k--;
        if (k < 3 || !isLead(text.slice(k - 3, k)))
            continue;
        const start = i + MARKER.length;
        let end = start;
        while (end < text.length && !URL_END.test(text[end]) && !text.startsWith('*/', end))
            end++;
        if (end > start)
            out.push({ url: text.slice(start, end), offset: start });
        next = end;
    }
    return out;
}
/**
 * The bytes inside a `data:` URL (latin1, as read), or undefined when it is none: base64 when a
 * `;base64` parameter says so (wherever it is among the others), else percent-encoded, where an
 * escape that is not one stays as it is written (a broken one hides nothing). The charset is
 * not trusted: the bytes are decoded as a map file is (see MapDecoder).
 */
function decodeDataUrl(url) {
    const comma = url.indexOf(',');
    if (!/^data:/i.test(url) || comma < 0)
        return undefined;
    const meta = url.slice(5, comma);
    const body = url.slice(comma + 1);
    if (/;\s*base64\s*(;|$)/i.test(meta))
        return Buffer.from(body, 'base64');
    const bytes = body.replace(/%([0-9a-f]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1');
}
/** The host of an absolute http(s) or storage URL, or undefined for a relative one. */
function absoluteHost(url) {
    const m = /^([a-z][\w+.-]*):\/\/([^/?#]*)/i.exec(url);
    if (!m || /^data$/i.test(m[1]))
        return undefined;
    return m[2].replace(/^[^@]*@/, '') || m[1];
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/comment-stream.js

const comment_stream_MARKER = Buffer.from('sourceMappingURL=');
const STAR = Buffer.from('*');
const SLASH = 0x2f;
const SPACE = 0x20;
const TAB = 0x09;
/** Bytes kept from the previous chunk: a marker split across chunks, and the `//# ` before it. */
const KEEP = comment_stream_MARKER.length + 4;
/** A URL longer than this (an inline map of more than 48 MiB) is not read. */
const MAX_URL = 64 * 1024 * 1024;
/**
 * Finds `//# sourceMappingURL=` (or `//@`, `/*#`) comments in a file streamed chunk by chunk, as
 * `findMappingUrls` does in a whole one: only the URLs are kept, and a URL is collected across
 * chunks however it is cut (an inline map can be megabytes of base64).
 */
class MappingUrlStream {
    onUrl;
    prev = Buffer.alloc(0);
    line = 1;
    /** The stream so far ends with a comment's lead and any spaces or tabs. */
    endLead = false;
    /** Its last 3 bytes. */
    tail3 = Buffer.alloc(0);
    /** A marker cut by the last chunk's end has a lead before it. */
    jointLead = false;
    url;
    constructor(onUrl) {
        this.onUrl = onUrl;
    }
    write(chunk) {
        let from = 0;
        // A URL that goes on from the last chunk covers the joint: no marker there is a comment.
        const urlAtJoint = Boolean(this.url);
        if (this.url) {
            from = this.collect(chunk, 0);
            if (this.url)
                return this.advance(chunk);
        }
        // The joint of the kept tail and this chunk: a marker cut in two.
        const joint = Buffer.concat([this.prev, chunk.subarray(0, comment_stream_MARKER.length)]);
        for (let i = urlAtJoint ? -1 : joint.indexOf(comment_stream_MARKER); i >= 0; i = joint.indexOf(comment_stream_MARKER, i + 1)) {
            const end = i + comment_stream_MARKER.length;
            if (end <= this.prev.length || end > joint.length || i >= this.prev.length)
                continue;
            if (!this.jointLead)
                continue;
            this.start(this.lineAt(chunk, 0));
            from = this.collect(chunk, end - this.prev.length);
        }
        for (let i = chunk.indexOf(comment_stream_MARKER, from); i >= 0; i = chunk.indexOf(comment_stream_MARKER, from)) {
            from = i + comment_stream_MARKER.length;
            if (!this.leadAt(chunk, i))
                continue;
            this.start(this.lineAt(chunk, i));
            from = this.collect(chunk, from);
            if (this.url)
                break;
        }
        this.advance(chunk);
    }
    end() {
        if (!this.url)
            return;
        if (this.url.star)
            this.append(STAR, 0, 1);
        this.finish();
    }
    start(line) {
        this.url = { parts: [], size: 0, line, start: '', star: false };
    }
    /** Adds URL bytes from `chunk[at]` on; returns where the URL ended (or the chunk's end). */
    collect(chunk, at) {
        const url = this.url;
        if (at === chunk.length)
            return at;
        if (url.star) {
            url.star = false;
            if (chunk[at] === SLASH) {
                this.finish();
                return at;
            }
            this.append(STAR, 0, 1);
        }
        let end = at;
        while (end < chunk.length && !isTerminator(chunk, end))
            end++;
        url.star = end === chunk.length && chunk[end - 1] === STAR[0];
        this.append(chunk, at, url.star ? end - 1 : end);
        if (end < chunk.length)
            this.finish();
        return end;
    }
    append(chunk, from, to) {
        const url = this.url;
        url.size += to - from;
        if (url.start.length < 256)
            url.start += chunk.toString('latin1', from, Math.min(to, from + 256));
        if (url.size <= MAX_URL)
            url.parts.push(chunk.subarray(from, to));
        else
            url.parts = [];
    }
    finish() {
        const url = this.url;
        this.url = undefined;
        if (url.size === 0)
            return;
        this.onUrl({
            url: url.size <= MAX_URL ? Buffer.concat(url.parts).toString('latin1') : undefined,
            size: url.size,
            start: url.start.slice(0, 256),
            line: url.line,
        });
    }
    /** Line of `chunk[i]`: lines counted so far plus the newlines before it in this chunk. */
    lineAt(chunk, i) {
        let line = this.line;
        for (let j = chunk.indexOf(0x0a); j >= 0 && j < i; j = chunk.indexOf(0x0a, j + 1))
            line++;
        return line;
    }
    /**
     * Whether a marker at `chunk[i]` follows `//#` (or `//@`, `/*#`, `/*@`) and any spaces or
     * tabs, however long the run and however the chunks cut it.
     */
    leadAt(chunk, i) {
        let k = i;
        while (k > 0 && (chunk[k - 1] === SPACE || chunk[k - 1] === TAB))
            k--;
        if (k === 0)
            return this.endLead;
        const three = k >= 3 ? chunk.subarray(k - 3, k) : Buffer.concat([this.tail3, chunk.subarray(0, k)]);
        return isLead(three.toString('latin1', Math.max(0, three.length - 3)));
    }
    advance(chunk) {
        // A marker cut by the stream's end (however many chunks it spans so far): the lead before
        // its start, worked out in the chunk where it starts (MARKER has one `s`: one such start).
        const tail = Buffer.concat([this.prev, chunk.subarray(Math.max(0, chunk.length - KEEP))]);
        let m = Math.min(comment_stream_MARKER.length - 1, tail.length);
        while (m > 0 && !tail.subarray(tail.length - m).equals(comment_stream_MARKER.subarray(0, m)))
            m--;
        if (m === 0)
            this.jointLead = false;
        else if (m <= chunk.length)
            this.jointLead = this.leadAt(chunk, chunk.length - m);
        this.endLead = this.leadAt(chunk, chunk.length);
        this.tail3 = Buffer.concat([this.tail3, chunk.subarray(Math.max(0, chunk.length - 3))]);
        this.tail3 = Buffer.from(this.tail3.subarray(Math.max(0, this.tail3.length - 3)));
        this.line = this.lineAt(chunk, chunk.length);
        const keep = Buffer.concat([this.prev, chunk.subarray(Math.max(0, chunk.length - KEEP))]);
        this.prev = Buffer.from(keep.subarray(Math.max(0, keep.length - KEEP)));
    }
}
/** Where a URL ends: whitespace, a quote or backtick, or the `*\/` closing a CSS comment. */
function isTerminator(b, i) {
    const c = b[i];
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x27 || c === 0x22 || c === 0x60)
        return true;
    if (c === 0x3c)
        return true; // `<`: an HTML tag after the URL
    return c === 0x2a && b[i + 1] === 0x2f;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/copies.js


/**
 * Embedded sources that ship beside their map anyway. A map whose first-party sources are all
 * shipped, byte for byte, as files of the same artifact exposes nothing the artifact does not
 * already show: a TypeScript package that ships `src/` with `dist/*.js.map` is the usual case.
 *
 * Only sources whose path resolves to a file inside the artifact are compared, so a map of
 * sources that stay home (`../src/...` above the package root, the incident) costs nothing here.
 */
/** A bundler URL scheme and namespace (`webpack://app/`, `file://`): relative to the project. */
const BUNDLER_SCHEME = /^[a-z][\w+.-]*:\/\/[^/]*\/?/i;
/** The artifact path a map's source names, or undefined when it lies outside the artifact. */
function sourceFileOf(mapPath, source) {
    if (!source || source.includes('\0') || source.startsWith('/'))
        return undefined;
    // `webpack://name/./src/a.ts` is relative to the project, not to the map.
    const scheme = BUNDLER_SCHEME.exec(source);
    const joined = scheme
        ? external_node_path_.posix.normalize(source.slice(scheme[0].length))
        : external_node_path_.posix.join(external_node_path_.posix.dirname(mapPath), source);
    const path = external_node_path_.posix.normalize(joined).replace(/^(\.\/)+/, '');
    if (path === '.' || path.startsWith('../') || path === '..' || path.startsWith('/'))
        return undefined;
    return path;
}
/**
 * The CRC-32 of a decoded embedded source's UTF-8 bytes. Its text was decoded from latin1 bytes:
 * when those held non-ASCII (raw UTF-8), each character is one byte of it.
 */
function contentSum(text, rawNonAscii) {
    const bytes = rawNonAscii ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
    return { crc: (0,external_node_zlib_.crc32)(bytes), bytes: bytes.length };
}
/** Files whose content may be an embedded source: code and styles. */
const SOURCE_LIKE = /\.(m?[jt]sx?|c[jt]s|vue|svelte|astro|coffee|s?css|sass|less|styl|elm|re|res)$/i;
/**
 * The checksums of the files that maps read so far name as their sources. Only files that come
 * after their map in the archive are compared: hashing every file in case a later map names it
 * would cost the whole package's bytes again, and npm packs `dist/` and `lib/` before `src/`.
 * A source whose file came first is not known to ship, so its map is judged as any other.
 */
class ShippedFiles {
    wanted = new Set();
    sums = new Map();
    /** Files to sum when they come: a map's copies, as soon as the map is read. */
    want(copies) {
        for (const c of copies)
            this.wanted.add(c.file);
    }
    /** Notes a file read whole (top level only: nested archives have their own maps). */
    note(e) {
        if (e.depth || e.type !== 'file' || !e.content || !this.wanted.has(e.path))
            return;
        this.sums.set(e.path, { crc: (0,external_node_zlib_.crc32)(e.content), bytes: e.content.length });
    }
    /** Whether every copy ships as a file with the same bytes. */
    allShipped(copies) {
        return copies.every((c) => {
            const f = this.sums.get(c.file);
            return f !== undefined && f.crc === c.crc && f.bytes === c.bytes;
        });
    }
}
/** Whether an embedded source, by its path, could ship as a file checked by ShippedFiles. */
function mayShip(mapPath, source) {
    const file = sourceFileOf(mapPath, source);
    return file !== undefined && SOURCE_LIKE.test(file);
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/judge.js
/** Each expected file set's paths, made once however many maps are judged against it. */
const PATHS = new WeakMap();
function pathsOf(a) {
    let paths = PATHS.get(a.manifest);
    if (!paths)
        PATHS.set(a.manifest, (paths = new Set(a.manifest.files.map((f) => f.path))));
    return paths;
}
const HOW_TO_FORBID = '`sourcemaps: { sources-content: forbid }` makes it an error';
/**
 * How serious shipping these embedded sources is in `recommended`:
 * - only dependency code (node_modules): a notice, nothing of the project's own is exposed;
 * - first-party sources that all ship beside it, byte-identical: a notice, nothing more is;
 * - a map file new against the lockfile or baseline (the release before had none): an error,
 *   whatever the license (the incident this tool exists for);
 * - first-party sources not otherwise public (no open-source license, private, no public
 *   repository, or nothing says): an error;
 * - else a warning: the sources are public anyway.
 */
function judgeEmbedded(map, open, shipped, drift) {
    if (map.embedded.firstParty === 0)
        return { severity: 'notice', because: 'only dependency code: none of its own sources' };
    if (map.copies && shipped.allShipped(map.copies))
        return {
            severity: 'notice',
            because: 'its own sources all ship beside it, byte-identical: it exposes nothing more',
        };
    const before = map.inline ? undefined : drift?.against.find((a) => !pathsOf(a).has(map.path));
    if (before) {
        const than = before.kind === 'lockfile' ? `the lockfile ${before.label}` : before.label;
        return { severity: 'error', reason: `new since ${than}, which had no ${map.path}` };
    }
    if (!open.public)
        return { severity: 'error' };
    return { severity: 'warning', because: `${open.why}; ${HOW_TO_FORBID}` };
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/sources-summary.js


const DEPENDENCY = /(^|[/\\])(node_modules|bower_components|jspm_packages)[/\\]|^webpack\/|^\(webpack\)/;
/** Strips bundler URL schemes (`webpack://app/`, `file://`) to the path the source had. */
function cleanPath(p) {
    return p.replace(BUNDLER_SCHEME, '').replace(/^(\.\/)+/, '');
}
/** The folder a source path is counted under: leading `../` segments plus the first name. */
function topFolder(p) {
    const parts = cleanPath(p).split('/');
    let i = 0;
    while (parts[i] === '..')
        i++;
    return i < parts.length - 1
        ? `${parts.slice(0, i + 1).join('/')}/`
        : parts.slice(0, i).join('/') + (i ? '/' : './');
}
/** Whether a `sources` path is dependency code (node_modules, the bundler's runtime). */
function isDependency(path) {
    return DEPENDENCY.test(cleanPath(path)) || DEPENDENCY.test(path);
}
function summarize(map, onlyEmbedded) {
    const s = {
        firstParty: 0,
        firstPartyBytes: 0,
        dependencies: 0,
        dependencyBytes: 0,
        topFolders: [],
    };
    const folders = new Map();
    map.sources.forEach((path, i) => {
        const bytes = map.contentBytes[i];
        if (onlyEmbedded && bytes === undefined)
            return;
        if (isDependency(path)) {
            s.dependencies++;
            s.dependencyBytes += bytes ?? 0;
        }
        else {
            s.firstParty++;
            s.firstPartyBytes += bytes ?? 0;
            const f = topFolder(path);
            folders.set(f, (folders.get(f) ?? 0) + 1);
        }
    });
    s.topFolders = [...folders].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return s;
}
const n = units/* formatCount */.B4;
/** "1,906 original source files (47 MB) from ../src/ and 2,850 from node_modules" */
function describeSources(s, withBytes) {
    const folders = s.topFolders.slice(0, 3).map(([f]) => f);
    const more = s.topFolders.length > 3 ? ` and ${s.topFolders.length - 3} more folder(s)` : '';
    const where = folders.length ? ` from ${folders.join(', ')}${more}` : '';
    const size = withBytes ? ` (${(0,units/* formatSize */.Xq)(s.firstPartyBytes)})` : '';
    let text = `${n(s.firstParty)} original source file${s.firstParty === 1 ? '' : 's'}${size}${where}`;
    if (s.dependencies)
        text += ` and ${n(s.dependencies)} from node_modules${withBytes ? ` (${(0,units/* formatSize */.Xq)(s.dependencyBytes)})` : ''}`;
    return text;
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/listed-maps.js


/** Declaration maps exist for an editor's go-to-definition: expected beside `.d.ts` files. */
const isDeclarationMap = (path) => /\.d\.[mc]?ts\.map$/i.test(path);
/**
 * One `sourcemap/file` finding for all the maps of an artifact that embed no sources: how many,
 * how many source files they list and from which folders, and the first few maps.
 */
function listedMapsFinding(maps) {
    if (maps.length === 0)
        return undefined;
    const folders = new Map();
    let files = 0;
    let bytes = 0;
    for (const m of maps) {
        files += m.listed.firstParty + m.listed.dependencies;
        bytes += m.size;
        for (const [f, n] of m.listed.topFolders)
            folders.set(f, (folders.get(f) ?? 0) + n);
    }
    const top = [...folders]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 3)
        .map(([f]) => f);
    const from = top.length ? ` from ${top.join(', ')}` : '';
    const listing = files ? `, listing ${(0,units/* formatCount */.B4)(files)} original source file(s)${from}` : '';
    const first = maps.slice(0, 3).map((m) => m.path);
    const more = maps.length > 3 ? `, and ${(0,units/* formatCount */.B4)(maps.length - 3)} more` : '';
    const message = maps.length === 1
        ? `source map ${maps[0].path} ${one(maps[0].listed)}`
        : `${(0,units/* formatCount */.B4)(maps.length)} source maps ship without embedded sources${listing}: ${first.join(', ')}${more}`;
    return {
        rule: 'sourcemap/file',
        file: maps[0].path,
        message,
        key: 'maps',
        data: { maps: maps.length, listedFiles: files, mapBytes: bytes },
    };
}
/** What one map without content shows: the files it lists, or that it lists none. */
function one(listed) {
    return listed.firstParty + listed.dependencies > 0
        ? `lists ${describeSources(listed, false)} (no embedded content)`
        : 'ships (no sources listed)';
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/raw-split.js
/**
 * Splits a map's bytes, chunk by chunk, between onRaw (every byte but the embedded sources, as
 * written) and the map reader (which decodes the embedded sources for the secret scanner), so
 * that each byte is scanned once: an embedded source that turns out invalid, too long or cut
 * short goes to onRaw as written, and so does everything after an error.
 */
class RawSplit {
    onRaw;
    /** Chunk index from which bytes are still to be handed on. */
    from = 0;
    /** Inside an embedded source: its bytes are the reader's. */
    inContent = false;
    /** Where in the chunk the current string's bytes end (so far). */
    stringEnd = 0;
    /** The embedded source's text as written, while it is decoded. */
    held;
    constructor(onRaw) {
        this.onRaw = onRaw;
    }
    chunkStarts() {
        this.from = 0;
    }
    chunkEnds(c) {
        if (!this.inContent)
            this.give(c, this.from, c.length);
    }
    /** An embedded source opens at `c[i]`: bytes up to its quote are handed on. */
    contentStarts(c, i) {
        this.give(c, this.from, i + 1);
        this.inContent = true;
    }
    /** The string being read has bytes up to `end` (exclusive) in this chunk. */
    stringReadTo(end) {
        this.stringEnd = end;
    }
    /** The embedded source's closing quote is at `quote`; `raw` is how it is written. */
    contentEnds(quote, raw) {
        this.from = quote;
        this.held = raw;
    }
    /** Its text was decoded (or skimmed): it is the reader's. */
    contentTaken() {
        this.inContent = false;
        this.held = undefined;
    }
    /** It cannot be decoded: handed on as written, after its opening quote (handed on already). */
    contentInvalid() {
        if (!this.inContent || this.held === undefined)
            return;
        this.inContent = false;
        this.giveText(this.held);
        this.from = this.stringEnd;
    }
    /** An error in this chunk: what the reader held and the chunk's rest are handed on. */
    afterError(c, heldRaw) {
        if (this.inContent) {
            this.inContent = false;
            this.giveText(heldRaw());
            this.from = this.stringEnd;
        }
        this.give(c, this.from, c.length);
    }
    /** The input ended inside an embedded source: what was held is handed on. */
    endsInContent(heldRaw) {
        if (!this.inContent)
            return;
        this.inContent = false;
        this.giveText(heldRaw());
    }
    giveText(raw) {
        if (this.onRaw && raw.length > 1)
            this.onRaw(Buffer.from(raw.slice(1), 'latin1'));
    }
    give(c, from, to) {
        if (this.onRaw && to > from)
            this.onRaw(c.subarray(from, to));
    }
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/map-roles.js
class MalformedMap extends Error {
    name = 'MalformedMap';
}
/** Other strings (names, unknown fields, the start of `mappings`) held to decode escapes. */
const ESCAPE_HOLD = 64 * 1024;
/** Hostile maps nest `[[[[...`: the stack is an array, not JS calls, but it still has a bound. */
const MAX_DEPTH = 10_000;
/** A path or an embedded source is held whole to be parsed: past 64 MiB (raw) it is refused. */
const MAX_STRING = 64 * 1024 * 1024;
/** A longer key (raw) cannot be `sources`, `sourcesContent`, `sections` or `map`, even escaped. */
const MAX_KEY = 256;
const NON_ASCII = /[\u0080-\uffff]/;
// Roles: what a value is for. Containers keep theirs on the stack, strings while being read.
const SKIP = 0; // checked for syntax, nothing kept: `mappings`, `names`, unknown keys
const MAP = 1; // a map object, whose `sources`, `sourcesContent` and `sections` are read
const MAP_OR_SKIP = 2; // a section's `map`: read when it is an object
const SECTION = 3; // one entry of `sections`
const SOURCES = 4;
const CONTENTS = 5; // `sourcesContent`
const SECTIONS = 6;
const PATH = 7; // one entry of `sources`
const CONTENT = 8; // one entry of `sourcesContent`
const NAME = 9; // a key of a MAP or SECTION, read to choose its value's role
const VERSION = 10; // the top map's `version`
/** What each entry of an array with this role is for. */
const ITEM_ROLE = [SKIP, SKIP, SKIP, SKIP, PATH, CONTENT, SECTION, SKIP, SKIP, SKIP, SKIP];
/** Keys a map or section has once: a second one is read differently by different tools. */
const KEY_BIT = {
    version: 1,
    mappings: 2,
    sources: 4,
    sourcesContent: 8,
    sections: 16,
    file: 32,
    sourceRoot: 64,
    names: 128,
    map: 256,
    offset: 512,
};
/**
 * Top-level keys that say a JSON object means to be a map (evidence for `sourcemap/malformed`):
 * keys only maps have. `sources` alone is not (gyp files, tsconfigs and build configs have it).
 */
const MAP_KEYS = KEY_BIT.mappings | KEY_BIT.sourcesContent | KEY_BIT.sections;
/**
 * A path as decoded from latin1 bytes: raw UTF-8 bytes are decoded as UTF-8, while `\u00e9`
 * escapes are characters already. Most paths are ASCII and stay as they are.
 */
function utf8(text, raw) {
    return NON_ASCII.test(raw) ? Buffer.from(text, 'latin1').toString('utf8') : text;
}
function keyRole(parent, key) {
    if (parent === MAP) {
        if (key === 'sources')
            return SOURCES;
        if (key === 'sourcesContent')
            return CONTENTS;
        if (key === 'sections')
            return SECTIONS;
    }
    return parent === SECTION && key === 'map' ? MAP_OR_SKIP : SKIP;
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/map-states.js
// The states of the map scanner (map-scan.ts): what the next byte may be, and what an error
// there says was expected.
const START = 0; // before the map's `{` (see MapStart)
const FIRST_KEY = 1; // a key or `}`, just after `{`
const KEY = 2; // a key, after `,`
const AFTER_KEY = 3; // `:`
const FIRST_VALUE = 4; // a value or `]`, just after `[`
const VALUE = 5; // a value, after `:` or `,`
const NEXT = 6; // `,` or the closing bracket, after a value
const STRING = 7; // inside a string
const LITERAL = 8; // inside a number, `true`, `false` or `null`
const DONE = 9; // after the map object: whitespace only
const NOT_A_MAP = 10;
/** What a byte in `state` should have been, for MalformedMap messages. */
function expectedIn(state, inObject) {
    if (state === FIRST_KEY)
        return "expected a string or '}'";
    if (state === KEY)
        return 'expected a string';
    if (state === AFTER_KEY)
        return "expected ':'";
    if (state === FIRST_VALUE)
        return "expected a value or ']'";
    if (state === VALUE)
        return 'expected a value';
    return inObject ? "expected ',' or '}'" : "expected ',' or ']'";
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/map-scan.js






/**
 * Reads a source map (or an index map with `sections`) pushed in chunks of any size, keeping
 * only `sources` and `sourcesContent`. Every other value, `mappings` above all, is checked for
 * syntax and skipped without being held; nesting is an explicit stack, not recursion. A needed
 * string is held until it ends, then parsed alone with JSON.parse, so memory stays at about
 * one chunk plus the largest embedded source, whatever the size of the map.
 *
 * Use: `write()` each chunk, then `end()`. If the input is not a JSON object (after an optional
 * `)]}'` line, its first non-whitespace byte is not `{`, or none comes in the first 1024
 * bytes), `notAMap` turns true as soon as that is known, later writes are ignored and `end()`
 * returns undefined: the file is no source map at all. A map that cannot be read throws
 * MalformedMap from `write()` or `end()`, saying what and at which byte offset.
 */
class MapScanner {
    onContent;
    skim;
    wantSum;
    onEscaped;
    state = START;
    start = new MapStart();
    stack = [];
    out = { sources: [], contentBytes: [], isMap: false };
    /** The top object's KEY_BIT keys, and whether its `version` is 3. */
    topKeys = 0;
    version3 = false;
    split;
    error;
    ended = false;
    /** Bytes before the current chunk: offsets are byte offsets into the whole input. */
    offset = 0;
    /** The role of the value after the key just read. */
    role = SKIP;
    string = new StringReader();
    stringRole = SKIP;
    isKey = false;
    contentIndex = 0;
    literal = new LiteralReader();
    literalRole = SKIP;
    constructor(onContent, skim, wantSum, onRaw, onEscaped) {
        this.onContent = onContent;
        this.skim = skim;
        this.wantSum = wantSum;
        this.onEscaped = onEscaped;
        this.split = new RawSplit(onRaw);
    }
    /** Whether it threw MalformedMap: later bytes are the caller's to scan as text. */
    get failed() {
        return this.error !== undefined;
    }
    /** Whether its top-level keys show it means to be a map (`sources`, `mappings`...). */
    get mapKeys() {
        return (this.topKeys & MAP_KEYS) !== 0;
    }
    /** True once the input is known not to be a JSON object; see the class comment. */
    get notAMap() {
        return this.state === NOT_A_MAP;
    }
    /**
     * Feeds the next bytes (kept only by onRaw). Every byte goes to onRaw or, decoded, to
     * onContent, also when the map is malformed (see RawSplit); then MalformedMap is thrown.
     */
    write(chunk) {
        if (this.error)
            throw this.error;
        if (this.ended)
            throw new Error('MapScanner: write after end');
        this.split.chunkStarts();
        try {
            this.scan(chunk);
        }
        catch (err) {
            if (err instanceof MalformedMap)
                this.split.afterError(chunk, () => this.string.raw());
            throw err;
        }
        this.split.chunkEnds(chunk);
        this.offset += chunk.length;
    }
    scan(chunk) {
        const n = chunk.length;
        let i = 0;
        while (i < n && this.state !== NOT_A_MAP) {
            if (this.state === STRING)
                i = this.readString(chunk, i);
            else if (this.state === LITERAL)
                i = this.readLiteral(chunk, i);
            else if (this.state === START) {
                const brace = this.start.find(chunk, i);
                if (brace < 0) {
                    if (this.start.notAMap)
                        this.state = NOT_A_MAP;
                    break;
                }
                this.open(true, MAP, brace);
                i = brace + 1;
            }
            else
                i = this.token(chunk, i);
        }
    }
    /** Ends the input: what was gathered, undefined if not a map; MalformedMap if incomplete. */
    end() {
        if (this.error)
            throw this.error;
        this.ended = true;
        if (this.state === LITERAL)
            this.endLiteral();
        const state = this.state;
        if (state === DONE) {
            const keys = this.topKeys;
            this.out.isMap =
                this.version3 &&
                    ((keys & KEY_BIT.mappings && keys & KEY_BIT.sources) || keys & KEY_BIT.sections) !== 0;
            return this.out;
        }
        if (state === START || state === NOT_A_MAP) {
            this.start.end();
            this.state = NOT_A_MAP;
            return undefined;
        }
        if (state === STRING) {
            this.split.endsInContent(() => this.string.raw());
            return this.fail('unterminated string', this.string.start);
        }
        return this.fail(`map ends early: ${this.expected()}`, this.offset);
    }
    /** One byte outside strings and literals; returns where to go on. */
    token(c, i) {
        const b = c[i];
        const state = this.state;
        if (WHITESPACE[b] === 1)
            return i + 1;
        if (state === FIRST_VALUE && b === CLOSE_ARRAY)
            this.close();
        else if (state === VALUE || state === FIRST_VALUE)
            return this.value(c, i);
        else if (state === FIRST_KEY && b === CLOSE_OBJECT)
            this.close();
        else if (state === KEY || state === FIRST_KEY) {
            if (b !== QUOTE)
                this.fail(this.expected(), this.offset + i);
            const role = this.top().role;
            this.startString(c, i, role === MAP || role === SECTION ? NAME : SKIP, true);
            return i;
        }
        else if (state === AFTER_KEY) {
            if (b !== COLON)
                this.fail("expected ':'", this.offset + i);
            this.state = VALUE;
        }
        else if (state === NEXT) {
            const top = this.top();
            if (b === COMMA)
                this.state = top.object ? KEY : VALUE;
            else if (b === (top.object ? CLOSE_OBJECT : CLOSE_ARRAY))
                this.close();
            else
                this.fail(this.expected(), this.offset + i);
        }
        else
            this.fail('data after the map object', this.offset + i);
        return i + 1;
    }
    /** The first byte of a value: its role says what it must be and whether it is kept. */
    value(c, i) {
        const top = this.top();
        let role = this.role;
        if (!top.object) {
            role = ITEM_ROLE[top.role];
            this.contentIndex = top.base + top.count++;
        }
        const b = c[i];
        const needObject = role === MAP || role === SECTION;
        const needArray = role === SOURCES || role === CONTENTS || role === SECTIONS;
        if (needObject && b !== OPEN_OBJECT)
            this.fail("expected '{'", this.offset + i);
        if (needArray && b !== OPEN_ARRAY && !(role === CONTENTS && b === 0x6e))
            // `null`: see endLiteral
            this.fail("expected '['", this.offset + i);
        // A `sources` entry that is not a string still takes its index.
        if (role === PATH && b !== QUOTE)
            this.out.sources.push('');
        if (b === OPEN_OBJECT)
            this.open(true, needObject || role === MAP_OR_SKIP ? role : SKIP, i);
        else if (b === OPEN_ARRAY)
            this.open(false, needArray ? role : SKIP, i);
        else if (b === QUOTE) {
            this.startString(c, i, role === PATH || role === CONTENT ? role : SKIP, false);
            return i;
        }
        else if (LITERAL_BYTE[b] === 1) {
            this.state = LITERAL;
            this.literalRole = role;
            this.literal.begin(this.offset + i);
            return i;
        }
        else
            this.fail('unexpected value', this.offset + i);
        return i + 1;
    }
    startString(c, i, role, isKey) {
        if (role === CONTENT) {
            // Its raw bytes, quote included, are handed on up to here; the rest goes decoded (or, if
            // it turns out invalid, as it is written, its opening quote left out: it went already).
            this.split.contentStarts(c, i);
        }
        this.state = STRING;
        this.stringRole = role;
        this.isKey = isKey;
        const skip = this.onEscaped ? ESCAPE_HOLD : 0;
        this.string.begin(this.offset + i, role === SKIP ? skip : role === NAME ? MAX_KEY : MAX_STRING);
    }
    readString(c, i) {
        const end = this.string.read(c, i);
        this.split.stringReadTo(end < 0 ? c.length : end);
        if (this.string.overLimit) {
            if (this.stringRole === PATH)
                this.fail('a source path over 64 MiB', this.string.start);
            if (this.stringRole === CONTENT)
                this.fail('an embedded source over 64 MiB', this.string.start);
            this.string.raw(); // dropped: a key that long is none of those read
            this.stringRole = SKIP;
        }
        if (end < 0)
            return c.length;
        const role = this.stringRole;
        let text = '';
        let length = 0;
        let sum;
        if (role === CONTENT && this.skim) {
            const raw = this.string.raw();
            this.split.contentEnds(end - 1, raw);
            const skimmed = this.skim(raw.slice(1, -1));
            const path = this.out.sources[this.contentIndex];
            const wanted = path !== undefined && this.wantSum?.(path) === true;
            if (skimmed === undefined || wanted)
                text = decodeString(raw) ?? this.invalid();
            if (wanted)
                sum = contentSum(text, NON_ASCII.test(raw));
            length = skimmed ?? text.length;
            if (skimmed !== undefined)
                text = '';
        }
        else if (role !== SKIP) {
            const raw = this.string.raw();
            if (role === CONTENT)
                this.split.contentEnds(end - 1, raw);
            text = decodeString(raw) ?? this.invalid();
            if (role === PATH)
                text = utf8(text, raw);
            length = text.length;
            if (role !== CONTENT)
                this.escaped(raw, text);
        }
        else if (this.onEscaped && !this.string.overLimit) {
            const raw = this.string.raw();
            if (raw.includes('\\'))
                this.escaped(raw, decodeString(raw) ?? this.invalid());
        }
        if (role === CONTENT)
            this.split.contentTaken();
        if (this.isKey) {
            this.key(text);
            this.state = AFTER_KEY;
            return end;
        }
        this.afterValue();
        if (role === PATH)
            this.out.sources.push(text);
        else if (role === CONTENT && length > 0) {
            const map = this.stack[this.stack.length - 2];
            map.contents = Math.max(map.contents ?? 0, this.contentIndex - map.base + 1);
            this.out.contentBytes[this.contentIndex] = length;
            if (sum)
                (this.out.contentSums ??= [])[this.contentIndex] = sum;
            if (text)
                this.onContent(this.contentIndex, text);
        }
        return end;
    }
    /** A string written with escapes (`\u0067`, `\/`) is scanned as what it stands for too. */
    escaped(raw, text) {
        if (this.onEscaped && raw.includes('\\'))
            this.onEscaped(text);
    }
    /** A key of a map or section just read: its value's role, and its duplicates refused. */
    key(text) {
        const top = this.top();
        this.role = keyRole(top.role, text);
        const bit = KEY_BIT[text] ?? 0;
        if (top.keys & bit)
            this.fail(`duplicate key "${text}"`, this.string.start);
        top.keys |= bit;
        if (this.stack.length === 1) {
            this.topKeys |= bit;
            if (bit === KEY_BIT.version)
                this.role = VERSION;
        }
    }
    readLiteral(c, i) {
        const end = this.literal.read(c, i);
        if (end < 0)
            return c.length;
        this.endLiteral();
        return end;
    }
    endLiteral() {
        if (!this.literal.valid())
            this.fail('unexpected value', this.literal.start);
        if (this.literalRole === VERSION)
            this.version3 = this.literal.value === '3';
        // `"sourcesContent": null` is some bundlers' "none"; any other literal is not an array.
        const notNull = this.literalRole === CONTENTS && this.literal.value !== 'null';
        if (notNull)
            this.fail("expected '['", this.literal.start);
        this.afterValue();
    }
    open(object, role, i) {
        if (this.stack.length >= MAX_DEPTH)
            this.fail(`nesting deeper than ${MAX_DEPTH}`, this.offset + i);
        if (role === MAP_OR_SKIP)
            role = MAP;
        const base = role === MAP ? this.out.sources.length : (this.stack.at(-1)?.base ?? 0);
        this.stack.push({ object, role, base, count: 0, keys: 0 });
        this.state = object ? FIRST_KEY : FIRST_VALUE;
    }
    close() {
        const frame = this.stack.pop();
        // Content past the map's last source still takes an index (its path unknown), so that the
        // next section's sources start after it and never take its content. A null or empty entry
        // takes none: nothing of it is reported.
        if (frame.role === MAP) {
            const sources = this.out.sources;
            while (sources.length < frame.base + (frame.contents ?? 0))
                sources.push('');
        }
        this.afterValue();
    }
    afterValue() {
        this.state = this.stack.length === 0 ? DONE : NEXT;
    }
    top() {
        return this.stack[this.stack.length - 1];
    }
    expected() {
        return expectedIn(this.state, this.top()?.object ?? true);
    }
    invalid() {
        this.split.contentInvalid();
        return this.fail('invalid string', this.string.start);
    }
    fail(what, at) {
        this.error = new MalformedMap(`${what} at offset ${at}`);
        throw this.error;
    }
}

// EXTERNAL MODULE: ./build/src/rules/text.js
var rules_text = __nccwpck_require__(8702);
;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/scan-map.js

/**
 * A map held whole (small maps, inline `data:` maps): one write and end. A string is read as
 * latin1 (one character per byte). Input that is not a JSON object throws MalformedMap here.
 */
function scanMap(bytes, onContent, skim, wantSum) {
    const scanner = new MapScanner(onContent, skim, wantSum);
    scanner.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
    const map = scanner.end();
    if (!map)
        throw new MalformedMap('not a JSON object at offset 0');
    return map;
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/map-sink.js










/** Scans a map, sending each embedded source to the secret scanner as `map!sources[i]`. */
function readMap(text, file, sink) {
    return scanMap(text, scanEmbedded(file, sink), (raw) => sink.secrets.skim(raw), wantSum(file));
}
/** Sources of the map (or the file with an inline map) at `file` that may ship beside it. */
const wantSum = (file) => (source) => mayShip(file, source);
const scanEmbedded = (file, sink) => (i, content) => sink.secrets.text(content, `${file}!sources[${i}]`);
/** Reports what a map file exposes, once it is read. */
function reportMap(e, map, sink) {
    const embedded = summarize(map, true);
    if (embedded.firstParty + embedded.dependencies > 0) {
        sink.embedded({ path: e.path, inline: false, embedded, copies: copiesOf(e.path, map) }, {
            rule: 'sourcemap/sources-content',
            file: e.path,
            message: `${e.path} embeds ${describeSources(embedded, true)}`,
            data: exposure(embedded, e.size),
        });
        return;
    }
    sink.listed({ path: e.path, size: e.size, listed: summarize(map, false) });
}
/**
 * The first-party embedded sources as files of the artifact, with their checksums; undefined
 * when one of them cannot ship beside the map (its path leads outside, or it was not summed).
 */
function copiesOf(file, map) {
    const copies = [];
    for (let i = 0; i < map.sources.length; i++) {
        if (map.contentBytes[i] === undefined || isDependency(map.sources[i]))
            continue;
        const sum = map.contentSums?.[i];
        const shipped = sourceFileOf(file, map.sources[i]);
        if (!sum || shipped === undefined)
            return undefined;
        copies.push({ file: shipped, ...sum });
    }
    return copies.length ? copies : undefined;
}
/** The numbers a report shows in its source-map exposure table. */
function exposure(s, mapBytes) {
    return {
        mapBytes,
        firstParty: s.firstParty,
        firstPartyBytes: s.firstPartyBytes,
        dependencies: s.dependencies,
        dependencyBytes: s.dependencyBytes,
    };
}
function checkComments(e, sink) {
    const text = (0,rules_text/* latin1Text */.L)(e.content);
    for (const { url, offset } of findMappingUrls(text)) {
        onMappingUrl(e, { url, size: url.length, start: url, line: position(text, offset).line }, sink);
    }
}
function onMappingUrl(e, u, sink) {
    const { url, line } = u;
    if (/^data:/i.test(u.start)) {
        checkInline(e, url, u.size, line, sink);
        return;
    }
    const host = absoluteHost(u.start);
    if (host) {
        sink.report({
            rule: 'sourcemap/external-url',
            file: e.path,
            line,
            message: `${e.path} points its source map to ${host} (an absolute URL): the map is served from there`,
            key: host,
        });
    }
}
function checkInline(e, url, size, line, sink) {
    const inline = (detail, extra = {}) => ({
        rule: 'sourcemap/inline',
        file: e.path,
        line,
        message: `${e.path} carries an inline source map (${(0,units/* formatSize */.Xq)(size)}) ${detail}`,
        key: String(line),
        ...extra,
    });
    if (url === undefined) {
        sink.report(inline(`too large to read (over ${(0,units/* formatSize */.Xq)(MAX_URL)}); its content was not checked`));
        return;
    }
    const data = decodeDataUrl(url);
    if (data === undefined)
        return;
    // Only a comment whose data decodes to a JSON object is a map: code that builds such a
    // comment (a bundler's own source: "...base64," + encoded) carries none. Its bytes are read
    // as a map file's are: after a BOM or whitespace, in UTF-8 or UTF-16.
    const sniff = new MapSniff();
    const bytes = Buffer.concat([sniff.write(data), sniff.end()]);
    if (sniff.verdict !== 'map')
        return;
    const json = bytes.toString('latin1');
    const where = `${e.path}:${line}!inline-map`;
    let map;
    try {
        map = readMap(json, where, sink);
    }
    catch (err) {
        if (!(err instanceof MalformedMap))
            throw err;
        sink.report(inline(`that cannot be read (${err.message}); its content was not checked`));
        return;
    }
    const embedded = summarize(map, true);
    if (embedded.firstParty + embedded.dependencies > 0) {
        const detail = `embedding ${describeSources(embedded, true)}`;
        sink.embedded({ path: e.path, inline: true, embedded, copies: copiesOf(e.path, map) }, inline(detail, { data: exposure(embedded, size) }));
        return;
    }
    const listed = summarize(map, false);
    sink.report(inline(`listing ${describeSources(listed, false)} (no embedded content)`, {
        data: exposure(listed, size),
        severity: 'warning',
    }));
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/map-file.js



/** A file named as a map: read as one whenever it is a JSON object with map keys. */
const MAP_FILE = /\.map$/i;
/**
 * Words in the bytes after an error that say the file meant to be a map: keys only maps have
 * (`"sources"` is in gyp files, tsconfigs and build configs too).
 */
const MAP_WORDS = ['"mappings"', '"sourcesContent"'].map((w) => Buffer.from(w));
/**
 * What the secret scanner gets of a map: every byte but the embedded sources (which go to it
 * decoded, one by one). A file held whole is scanned whole in one piece when nothing was cut
 * out of it (the common case: a JSON file that is no map), as any other file is.
 */
class RawText {
    secrets;
    path;
    pieces = [];
    stream;
    constructor(secrets, path, whole) {
        this.secrets = secrets;
        this.path = path;
        if (!whole)
            this.stream = secrets.sink(path);
    }
    write(b) {
        if (b.length === 0)
            return;
        if (this.stream)
            return this.stream.write(b);
        const last = this.pieces.at(-1);
        if (last && last.buffer === b.buffer && last.byteOffset + last.length === b.byteOffset) {
            this.pieces[this.pieces.length - 1] = Buffer.from(b.buffer, last.byteOffset, last.length + b.length);
        }
        else
            this.pieces.push(b);
    }
    end() {
        if (this.stream)
            return this.stream.end();
        const bytes = this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces);
        if (bytes.length)
            this.secrets.bytes(bytes, this.path);
    }
}
/**
 * The sourcemap family's reader of one file, whole or streamed. Its first bytes say whether it
 * is read as a map (a JSON object: see MapSniff), whatever its name; if not, its bytes go to
 * `text` (the sourceMappingURL search of scripts and pages), and secret scanning is left to the
 * secret rules. A map's bytes are secret-scanned here (see RawText), all of them, also past an
 * error: a map that cannot be read is `sourcemap/malformed` when it shows it meant to be one
 * (its name, its keys), and a JSON object that is no map is scanned as the text it is.
 */
class MapFile {
    e;
    sink;
    whole;
    text;
    sniff = new MapSniff();
    held = [];
    scanner;
    raw;
    failure;
    evidence;
    constructor(e, sink, whole, text) {
        this.e = e;
        this.sink = sink;
        this.whole = whole;
        this.text = text;
        this.evidence = MAP_FILE.test(e.path);
    }
    write(chunk) {
        if (this.sniff.verdict === 'map')
            return this.read(this.sniff.write(chunk));
        this.text?.write(chunk);
        if (this.sniff.verdict === 'text')
            return;
        const bytes = this.sniff.write(chunk);
        this.settle(bytes);
    }
    end() {
        if (this.sniff.verdict === undefined)
            this.settle(this.sniff.end());
        else if (this.sniff.verdict === 'map')
            this.read(this.sniff.end());
        if (this.sniff.verdict !== 'map') {
            this.text?.end();
            return;
        }
        this.finish();
    }
    /** Before a verdict: holds the lead, or starts reading the map at its `{`. */
    settle(bytes) {
        const verdict = this.sniff.verdict;
        if (verdict === undefined) {
            // A lead too long to hold is the secret scanner's (see HOLD_LEAD); so is a text's.
            if (!this.whole && leadGoesToText(this.sniff))
                this.held = [];
            else
                this.held.push(bytes);
            return;
        }
        const held = this.held;
        this.held = [];
        if (verdict !== 'map')
            return;
        const path = this.e.path;
        const raw = (this.raw = new RawText(this.sink.secrets, path, this.whole));
        this.scanner = new MapScanner(scanEmbedded(path, this.sink), (s) => this.sink.secrets.skim(s), wantSum(path), (b) => raw.write(b), (text) => this.sink.secrets.text(text, path));
        if (!this.whole && leadGoesToText(this.sniff)) {
            raw.write(bytes.subarray(0, this.sniff.brace));
            this.read(bytes.subarray(this.sniff.brace));
            return;
        }
        for (const b of held)
            this.read(b);
        this.read(bytes);
    }
    read(bytes) {
        if (this.failure) {
            this.raw?.write(bytes);
            if (!this.evidence)
                this.evidence = MAP_WORDS.some((w) => bytes.includes(w));
            return;
        }
        try {
            this.scanner?.write(bytes);
        }
        catch (err) {
            this.fail(err);
            // The bytes after the error were handed on to `raw`; do they say it is a map?
            if (!this.evidence)
                this.evidence = MAP_WORDS.some((w) => bytes.includes(w));
        }
    }
    fail(err) {
        if (!(err instanceof MalformedMap))
            throw err;
        this.failure ??= err;
        if (this.scanner?.mapKeys)
            this.evidence = true;
    }
    finish() {
        let map;
        if (!this.failure) {
            try {
                map = this.scanner?.end();
            }
            catch (err) {
                this.fail(err);
            }
        }
        this.raw?.end();
        const e = this.e;
        if (this.failure) {
            if (!this.evidence)
                return;
            this.sink.report({
                rule: 'sourcemap/malformed',
                file: e.path,
                message: `${e.path} looks like a source map but cannot be read (${this.failure.message}); its embedded sources were not checked as a map (its bytes were scanned for secrets as text)`,
            });
        }
        else if (map && (map.isMap || (this.evidence && this.scanner?.mapKeys))) {
            reportMap(e, map, this.sink);
        }
    }
}

;// CONCATENATED MODULE: ./build/src/rules/sourcemaps/index.js








/**
 * Files searched for `sourceMappingURL` comments: scripts and styles, pages and SVG (their
 * `<script>` and `<style>`), and files without an extension (a `bin/` script).
 */
const SCRIPT_OR_STYLE = /\.(js|mjs|cjs|jsx|css|html?|xhtml|svg)$|(^|\/)[^./]+$/i;
/** The metadata file an entry is, for judging whether the artifact's sources are public. */
function metadataKind(path) {
    if (path === 'package.json' || path === 'extension/package.json')
        return 'packageJson';
    if (/^[^/]+\.dist-info\/METADATA$/.test(path))
        return 'wheelMetadata';
    if (/^META-INF\/maven\/[^/]+\/[^/]+\/pom\.xml$/.test(path))
        return 'pom';
    return undefined;
}
/** Source maps: map files, embedded sources, inline `data:` maps and external map URLs. */
const sourcemapRules = (0,types/* defineFamily */.u)({
    rules: [
        {
            id: 'sourcemap/sources-content',
            category: 'leak',
            severity: 'error',
            description: 'A source map embeds original source code (`sourcesContent`).',
            judged: "an error when the embedded first-party sources are not otherwise public (the package's license is not an OSI-approved SPDX expression, it is private, or it names no public repository; for wheels and jars their METADATA or pom.xml says, and where nothing says it stays an error) or when the map is new against the lockfile or baseline; a warning when they are public anyway (the message says why); a notice when the map embeds only dependency code (node_modules), or when every first-party source it embeds also ships in the artifact byte-identical (at the path its `sources` entry names, after the map in the archive, as npm packs `dist/` before `src/`).",
        },
        {
            id: 'sourcemap/inline',
            category: 'leak',
            severity: 'error',
            description: 'Shipped JS or CSS carries an inline `data:` source map.',
            judged: 'judged as `sourcemap/sources-content` when it embeds sources; a warning when it only lists source paths. Only a comment whose data decodes to a JSON object is a map.',
        },
        {
            id: 'sourcemap/file',
            category: 'leak',
            severity: 'warning',
            description: 'Source map files ship; without embedded content they still reveal the source tree (one finding per artifact; declaration maps `.d.ts.map` only in `strict`).',
        },
        {
            id: 'sourcemap/external-url',
            category: 'leak',
            severity: 'warning',
            description: '`sourceMappingURL` points to an absolute URL (a server or bucket that serves the map).',
        },
        {
            id: 'sourcemap/malformed',
            category: 'leak',
            severity: 'error',
            description: 'A source map cannot be read (invalid JSON, data after it, a duplicate key, a value over a limit): what it embeds was not checked as a map. Its bytes are still scanned for secrets as text. A file is taken for a malformed map by its `.map` name or by keys only maps have (`mappings`, `sourcesContent`, `sections`; not `sources`, which gyp files and tsconfigs have too); any other JSON-like file that does not parse (a `binding.gyp` with a trailing comma) is scanned as text only. `"sourcesContent": null` is read as no embedded sources.',
        },
    ],
    create({ report, secrets, config }) {
        const embedded = [];
        const shipped = new ShippedFiles();
        const listed = [];
        const metadata = {};
        const sink = {
            report,
            secrets,
            embedded: (map, finding) => {
                embedded.push({ map, finding });
                if (map.copies)
                    shipped.want(map.copies);
            },
            listed: (map) => {
                if (config.extends === 'strict' || !isDeclarationMap(map.path))
                    listed.push(map);
            },
        };
        return {
            stream(e) {
                if (e.type !== 'file')
                    return undefined;
                const text = SCRIPT_OR_STYLE.test(e.path)
                    ? new MappingUrlStream((u) => onMappingUrl(e, u, sink))
                    : undefined;
                return new MapFile(e, sink, false, text);
            },
            entry(e) {
                if (e.type !== 'file' || !e.content)
                    return;
                const kind = e.depth ? undefined : metadataKind(e.path);
                if (kind)
                    metadata[kind] ??= e.content.toString('utf8');
                shipped.note(e);
                // Read as a map by its content; else its comments are searched once it is known.
                const text = SCRIPT_OR_STYLE.test(e.path)
                    ? { write() { }, end: () => checkComments(e, sink) }
                    : undefined;
                const file = new MapFile(e, sink, true, text);
                file.write(e.content);
                file.end();
            },
            end(_entries, { drift }) {
                const open = embedded.length ? openness(metadata) : undefined;
                for (const { map, finding } of embedded) {
                    const { severity, reason, because } = judgeEmbedded(map, open, shipped, drift);
                    report({
                        ...finding,
                        message: reason ? `${finding.message} (${reason})` : finding.message,
                        severity,
                        ...(because ? { because } : {}),
                    });
                }
                const files = listedMapsFinding(listed);
                if (files)
                    report(files);
            },
        };
    },
});

;// CONCATENATED MODULE: ./build/src/rules/registry.js










/** Every rule family, in the order they run. Later families register here. */
const FAMILIES = [
    archive/* archiveRules */.g,
    filesRules,
    sizeRules,
    secretRules,
    sensitiveRules,
    sourcemapRules,
    contentRules,
    driftRules,
    npmMetadataRules,
    wheelMetadataRules,
];
const RULES = new Map(FAMILIES.flatMap((f) => f.rules).map((r) => [r.id, r]));
/**
 * The severity a preset gives a finding of a rule: `recommended` as declared (or as the rule
 * judged this finding), `strict` all errors, `none` only declared and fail-closed rules.
 */
function presetSeverity(preset, rule, judged) {
    if (preset === 'strict')
        return 'error';
    if (preset === 'none' && !rule.always)
        return 'off';
    return rule.severity === 'off' ? 'off' : (judged ?? rule.severity);
}
/** Anchor of a rule in docs/rules.md (`file/forbidden` -> `file-forbidden`). */
function docsAnchor(id) {
    // Every content rule shares one section: its ids come from the config.
    if (id.startsWith('content/'))
        return 'content-name';
    return id.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}
const DOCS_BASE = 'https://github.com/packguard/packguard/blob/main/docs/rules.md';
function docsUrl(id) {
    return `${DOCS_BASE}#${docsAnchor(id)}`;
}


/***/ }),

/***/ 3398:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  c: () => (/* binding */ DETECTORS)
});

// EXTERNAL MODULE: ./build/src/rules/secrets/engine/context.js
var context = __nccwpck_require__(3721);
;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/types.js
/** Priorities: generic shapes lose to provider formats, which lose to whole documents. */
const PRIORITY = { generic: 0, token: 10, document: 20 };
/** Declares a detector; its id stays a literal type, so the rule ids derive from the registry. */
function defineDetector(d) {
    return d;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/checksum.js

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
let table;
/** CRC-32 (IEEE) of a latin1 string: zlib's when the runtime has it (node 20.15+), else a table. */
function crc32(text) {
    const native = external_node_zlib_.crc32;
    if (native)
        return native(Buffer.from(text, 'latin1'));
    table ??= Uint32Array.from({ length: 256 }, (_, n) => {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        return c >>> 0;
    });
    let crc = 0xffffffff;
    for (let i = 0; i < text.length; i++)
        crc = table[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
/** `n` in base62 (0-9A-Za-z), left-padded with zeros to `width`. */
function base62(n, width = 6) {
    let out = '';
    for (let v = n; v > 0; v = Math.floor(v / 62))
        out = BASE62[v % 62] + out;
    return out.padStart(width, '0');
}
/**
 * The GitHub / npm token checksum: the last 6 characters are the base62 CRC-32 of the random
 * part before them (github.blog, "Behind GitHub's new authentication token formats", 2021).
 */
function crcChecksum(random) {
    return base62(crc32(random));
}

// EXTERNAL MODULE: ./build/src/rules/secrets/engine/redact.js
var redact = __nccwpck_require__(1733);
;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/placeholder.js

const PLACEHOLDER_WORDS = /example|sample|placeholder|your|xxxx|redacted|changeme|lorem/i;
const TEST_WORDS = /test|fake|mock|dummy|fixture/i;
/** A whole value that is a template slot: `<token>`, `${TOKEN}`, `{{token}}`, `%s`, `***`. */
const TEMPLATE = /^(?:<[^<>]*>|\$\{[^{}]*\}|\{\{[^{}]*\}\}|%[sd]|\*+|\.{3,}|\u2026)$/;
/**
 * Past this length a body is a key blob: a 4-letter word inside 1,000 random base64 characters
 * turns up by chance (about one key in twenty), so words say nothing about it there.
 */
const WORDS_MEAN_SOMETHING = 100;
/** Judges the random part of a secret (without its fixed prefix). */
function doubt(body) {
    const words = body.length <= WORDS_MEAN_SOMETHING;
    if (body.length < 8 ||
        (words && PLACEHOLDER_WORDS.test(body)) ||
        TEMPLATE.test(body) ||
        madeUp(body))
        return 'placeholder';
    if (words && TEST_WORDS.test(body))
        return 'test';
    return undefined;
}
const seen = new Uint8Array(256);
/**
 * Whether a value was typed rather than generated, judged on the whole of it: few distinct
 * characters for its length (`aaaa\u2026`, `0000\u2026`), mostly counting or equal steps (`abcdef\u2026`,
 * `123456\u2026`), a short unit repeated (`abcabc\u2026`), or made only of words and counting or
 * repeated runs (`key_1234`, `PersonalAccessToken0000`).
 */
function madeUp(s) {
    seen.fill(0);
    let distinct = 0;
    let steps = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i) & 0xff;
        if (!seen[c]) {
            seen[c] = 1;
            distinct++;
        }
        if (i === 0)
            continue;
        const d = c - (s.charCodeAt(i - 1) & 0xff);
        if (d >= -1 && d <= 1)
            steps++;
    }
    if (distinct < Math.min(10, Math.max(3, s.length / 4)) || steps * 2 >= s.length - 1)
        return true;
    // a unit of p characters repeated has at most p distinct ones
    for (let p = distinct; p <= 8 && p * 2 <= s.length; p++) {
        let i = p;
        while (i < s.length && s[i] === s[i - p])
            i++;
        if (i === s.length)
            return true;
    }
    return wordsAndRuns(s);
}
/** Letters of one word (`key`, `Token`, `API`), digits, or anything else (separators). */
const PIECE = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^A-Za-z0-9]+/g;
const WORD = /^(?:[A-Z]?[a-z]{1,23}|[A-Z]{2,24})$/;
/**
 * Whether a value is made of words, separators and runs only, with at least one run: each
 * digit group counts (`1234`, `7890`, `9876`) or repeats (`0000`). Random text falls apart
 * at its first lone digit or jumble of letters.
 */
function wordsAndRuns(s) {
    let runs = 0;
    PIECE.lastIndex = 0;
    for (let m = PIECE.exec(s); m; m = PIECE.exec(s)) {
        const piece = m[0];
        const code = piece.charCodeAt(0);
        const digits = code >= 0x30 && code <= 0x39;
        const letters = !digits && /^[A-Za-z]/.test(piece);
        if (isRun(piece, digits))
            runs++;
        else if (digits || (letters && (piece.length < 2 || !WORD.test(piece))))
            return false;
    }
    return runs > 0;
}
/** Four or more characters counting up or down by one (digits wrap: `7890`), or all equal. */
function isRun(piece, digits) {
    if (piece.length < 4)
        return false;
    let step;
    for (let i = 1; i < piece.length; i++) {
        let d = piece.charCodeAt(i) - piece.charCodeAt(i - 1);
        if (digits && d === -9)
            d = 1;
        else if (digits && d === 9)
            d = -1;
        if (d < -1 || d > 1 || (step !== undefined && d !== step))
            return false;
        step = d;
    }
    return true;
}
/**
 * Salted hashes (see redact.ts) of values published as examples in vendor documentation, so
 * they can be recognized without writing them down: the Azurite / Azure Storage Emulator
 * account key and the jwt.io sample token. (AWS's documented keys say EXAMPLE in them.)
 */
const DOCUMENTED = new Set(['d7119e84ead6', '4c233a1916e3']);
/** Whether a whole secret is a documented example value. */
function isDocumentedExample(value) {
    return DOCUMENTED.has((0,redact/* secretHash */.LR)(value));
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/samples.js


// Builders for detector samples. Samples are assembled at test time from pieces, so no file in
// the repository holds a secret-looking literal (GitHub push protection, and our own rules).
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const LETTERS = UPPER + LOWER;
const ALNUM = LETTERS + DIGITS;
const HEX = '0123456789abcdef';
const BASE32 = UPPER + '234567';
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';
/**
 * A deterministic random string: the same `seed` always gives the same value, and the value
 * never looks made up to `doubt()` (so a must-match sample cannot fail by chance).
 */
function fake(length, alphabet, seed) {
    let state = 2166136261;
    for (let i = 0; i < seed.length; i++)
        state = Math.imul(state ^ seed.charCodeAt(i), 16777619);
    const next = () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (;;) {
        let out = '';
        for (let i = 0; i < length; i++)
            out += alphabet[Math.floor(next() * alphabet.length)];
        if (length < 8 || doubt(out) === undefined)
            return out;
    }
}
/** A GitHub / npm style token: prefix, 30 random characters and their valid CRC-32 checksum. */
function checksummed(prefix, seed) {
    const random = fake(30, ALNUM, seed);
    return prefix + random + crcChecksum(random);
}
/** The same shape with a checksum that does not match. */
function badChecksum(prefix, seed) {
    const token = checksummed(prefix, seed);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    return token.slice(0, -1) + last;
}
/** base64url of a JSON value, for building JWT samples. */
function b64json(value) {
    return Buffer.from(JSON.stringify(value)).toString('base64url');
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/kubeconfig.js



const KEY_DATA = /-key-data\\?["']?[ \t]*:[ \t]*\\?["']?(?<value>[A-Za-z0-9+/]{64,16384}={0,2})(?![A-Za-z0-9+/=])/dy;
/** What the decoded value must be: a PEM private key with a body. */
const PEM_KEY = /^\s*-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----\s*[A-Za-z0-9+/=\s:,-]{64,}-----END/;
const b64 = (s) => Buffer.from(s).toString('base64');
const pem = (kind, seed) => [
    `-----BEGIN ${kind}-----`,
    ...(fake(256, B64, seed).match(/.{1,64}/g) ?? []),
    `-----END ${kind}-----`,
    '',
].join('\n');
/**
 * A kubeconfig's client key (`client-key-data:`, in any file: a kubeconfig is often named
 * `admin.conf`, `config` or anything else): base64 of a PEM private key, decoded to check it is
 * one. Found by the shared keyword pass, so it costs nothing on files without the key name.
 */
const kubeconfigClientKey = defineDetector({
    id: 'secret/kubeconfig-client-key',
    title: 'Kubernetes client private key (kubeconfig)',
    provider: 'Kubernetes',
    description: 'A kubeconfig `client-key-data` value: base64 of a PEM private key that authenticates to a cluster (its admin, for `admin.conf`).',
    priority: PRIORITY.document,
    // `-key-data`, not `client\u2026`: `cli` starts words everywhere in code, `-ke` seldom.
    keywords: ['-key-data'],
    find(text, at) {
        if (text.slice(at - 6, at).toLowerCase() !== 'client')
            return undefined;
        const m = (0,context/* matchAt */.pF)(KEY_DATA, text, at);
        const span = m?.indices?.groups?.value;
        if (!m?.groups || !span)
            return undefined;
        const value = m.groups.value;
        if (!PEM_KEY.test(Buffer.from(value, 'base64').toString('latin1')))
            return undefined;
        return { start: span[0], end: span[1], value, shown: 0 };
    },
    samples: {
        match: () => [
            `users:\n- name: admin\n  user:\n    client-key-data: ${b64(pem('RSA PRIVATE KEY', 'kube-1'))}\n`,
            `{"users":[{"user":{"client-key-data":"${b64(pem('EC PRIVATE KEY', 'kube-2'))}"}}]}`,
        ],
        noMatch: () => [
            'client-key-data: REDACTED',
            'client-key-data: <base64-encoded-key>',
            `client-certificate-data: ${b64(pem('CERTIFICATE', 'kube-3'))}`,
            `client-key-data: ${b64(pem('CERTIFICATE', 'kube-4'))}`,
            `tls-key-data: ${b64(pem('RSA PRIVATE KEY', 'kube-5'))}`,
            `client-key-data: ${b64('hello world, this decodes to words and not to any key at all, truly')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/token.js



/**
 * Left boundary: the character before is not one of `chars` (a token does not start in the
 * middle of a longer run), unless it ends an escaped line break or tab (`\n` inside a string
 * literal, as in a bundled `.npmrc` or JSON) or a percent escape (`%3D` in a URL-encoded query
 * or form body: `token%3Dghp_...`).
 */
const boundary = (chars) => `(?:(?<=\\\\[nrt])|(?<=%[0-9A-Fa-f]{2})|(?<![${chars}]))`;
/** Left boundary of most tokens. */
const B = boundary('A-Za-z0-9_-');
/** Right boundary: and does not go on. */
const E = '(?![A-Za-z0-9_-])';
/** Builds a Detector from a TokenSpec. */
function tokenDetector(spec) {
    const re = new RegExp(spec.pattern, `y${spec.valueGroup ? 'd' : ''}${spec.flags ?? ''}`);
    return {
        id: spec.id,
        title: spec.title,
        provider: spec.provider,
        description: spec.description,
        severity: spec.severity,
        priority: PRIORITY.token,
        keywords: spec.keywords,
        guards: spec.guards,
        find(text, at) {
            const m = (0,context/* matchAt */.pF)(re, text, at);
            if (!m)
                return undefined;
            let value = m[0];
            let start = m.index;
            const span = spec.valueGroup ? m.indices?.groups?.[spec.valueGroup] : undefined;
            if (span) {
                ;
                [start] = span;
                value = text.slice(span[0], span[1]);
            }
            const groups = Object.values(m.groups ?? {});
            const body = m.groups?.body ?? groups.find((g) => g !== undefined) ?? value;
            return judge(value, body, start, {
                shown: spec.shown ?? 4,
                label: spec.label?.(m),
                verify: () => spec.verify?.(m),
                checksum: spec.checksum,
            });
        },
        samples: spec.samples,
    };
}
/**
 * The common verdict: documented examples and placeholders are dropped, test-looking values
 * and failed structural checks become unverified hits.
 */
function judge(value, body, start, opts = {}) {
    if (isDocumentedExample(value))
        return undefined;
    const d = doubt(body);
    if (d === 'placeholder')
        return undefined;
    const problem = opts.verify?.();
    if (problem === false)
        return undefined;
    const hit = { start, end: start + value.length, value, shown: opts.shown ?? 0 };
    if (opts.label)
        hit.label = opts.label;
    if (problem)
        hit.unverified = problem;
    else if (d === 'test')
        hit.unverified = 'looks like a test value';
    else if (opts.checksum && opts.verify)
        hit.issued = true;
    return hit;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/age.js


const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
function polymod(values) {
    let chk = 1;
    for (const v of values) {
        const top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (let i = 0; i < 5; i++)
            if ((top >>> i) & 1)
                chk ^= GEN[i];
    }
    return chk;
}
const expand = (hrp) => [
    ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
    0,
    ...[...hrp].map((c) => c.charCodeAt(0) & 31),
];
/** Whether a bech32 string (`hrp` `1` data) carries a valid checksum. */
function bech32Valid(s) {
    const lower = s.toLowerCase();
    const sep = lower.lastIndexOf('1');
    const data = [...lower.slice(sep + 1)].map((c) => CHARSET.indexOf(c));
    if (sep < 1 || data.some((d) => d < 0))
        return false;
    return polymod([...expand(lower.slice(0, sep)), ...data]) === 1;
}
/** Builds a bech32 string with a valid checksum, for samples. */
function bech32(hrp, data) {
    const mod = polymod([...expand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
    const sum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
    return `${hrp}1${[...data, ...sum].map((d) => CHARSET[d]).join('')}`;
}
const secretKey = (seed) => bech32('age-secret-key-', [...fake(52, CHARSET, seed)].map((c) => CHARSET.indexOf(c))).toUpperCase();
/** age identities are bech32 (`AGE-SECRET-KEY-1` + 58 characters) with a checksum. */
const ageSecretKey = tokenDetector({
    id: 'secret/age-secret-key',
    title: 'age secret key',
    provider: 'age',
    description: 'An age encryption identity (`AGE-SECRET-KEY-1\u2026`) with a valid bech32 checksum.',
    keywords: ['age-secret-key-1'],
    pattern: `${B}AGE-SECRET-KEY-1(?<body>[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})${E}`,
    checksum: true,
    verify: (m) => (bech32Valid(m[0]) ? undefined : 'its checksum does not match'),
    samples: {
        match: () => [`# created: 2024-01-01\n${secretKey('age-1')}\n`],
        noMatch: () => ['AGE-SECRET-KEY-1' + 'Q'.repeat(58), 'AGE-SECRET-KEY-1...'],
        unverified: () => [
            secretKey('age-2').slice(0, -1) + (secretKey('age-2').endsWith('Q') ? 'P' : 'Q'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/anthropic.js


/** Anthropic keys: 93 random base64url characters, then `AA`. */
const shape = (m) => m.groups.body.length === 95 && m.groups.body.endsWith('AA')
    ? undefined
    : 'its length or ending is not that of an Anthropic key';
const anthropicApiKey = tokenDetector({
    id: 'secret/anthropic-api-key',
    title: 'Anthropic API key',
    provider: 'Anthropic',
    description: 'An Anthropic API key (`sk-ant-api03-`).',
    keywords: ['sk-ant-'],
    pattern: `${B}sk-ant-api03-(?<body>[A-Za-z0-9_-]{80,120})${E}`,
    verify: shape,
    samples: {
        match: () => [
            `ANTHROPIC_API_KEY=${['sk', 'ant', 'api03', fake(93, B64URL, 'ant-1') + 'AA'].join('-')}`,
        ],
        noMatch: () => [
            'sk-ant-api03-...',
            'sk-ant-api03-' + 'x'.repeat(93) + 'AA',
            'const prefix = "sk-ant-api03-"',
        ],
        unverified: () => [['sk', 'ant', 'api03', fake(93, B64URL, 'ant-2') + 'BB'].join('-')],
    },
});
const anthropicAdminKey = tokenDetector({
    id: 'secret/anthropic-admin-key',
    title: 'Anthropic admin API key',
    provider: 'Anthropic',
    description: 'An Anthropic admin API key (`sk-ant-admin01-`).',
    keywords: ['sk-ant-'],
    pattern: `${B}sk-ant-admin01-(?<body>[A-Za-z0-9_-]{80,120})${E}`,
    verify: shape,
    samples: {
        match: () => [['sk', 'ant', 'admin01', fake(93, B64URL, 'ant-3') + 'AA'].join('-')],
        noMatch: () => ['sk-ant-admin01-<key>', 'sk-ant-admin01-' + 'A'.repeat(95)],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/binding.js
// For secrets without a prefix, found near a keyword: which name the value itself is given.
// Being in a window around the keyword is not enough: another provider's key next to an AWS
// key id is not an AWS secret.
/** Between two items of a list or a pair: `"a", "b"`, `a:b`, `a,b`, escaped quotes too. */
const NEXT = `(?:\\\\{0,3}["'\`])?[ \\t]{0,4}[,:][ \\t]{0,4}(?:\\\\{0,3}["'\`])?`;
/**
 * The name a value starting at `start` is assigned to or labelled with: `name = "v"`,
 * `"name": "v"`, `name: v`, `NAME=v`, `name => 'v'`, `name := v`, escaped quotes too. Lower
 * case without `_`, `-` and `$` (`AWS_SECRET_ACCESS_KEY`, `secretAccessKey` and
 * `aws-secret-access-key` all read `awssecretaccesskey`); of a dotted path, its last part.
 * Undefined when there is none. Read backwards from the value, at most about 80 characters.
 */
function nameOf(text, start) {
    let i = skipSpace(text, skipQuote(text, start));
    if (text[i - 1] === '>' && text[i - 2] === '=')
        i -= 2;
    else if (text[i - 1] === '=')
        i -= text[i - 2] === ':' ? 2 : 1;
    else if (text[i - 1] === ':')
        i--;
    else
        return undefined;
    const end = skipQuote(text, skipSpace(text, i));
    let from = end;
    while (from > 0 && end - from < 64 && isNameChar(text.charCodeAt(from - 1)))
        from--;
    // `\nNAME=` inside a string literal: the n is the escaped line break's
    if (text[from - 1] === '\\' && /[nrt]/.test(text[from]))
        from++;
    if (from === end)
        return undefined;
    return text.slice(from, end).replace(/[_$-]/g, '').toLowerCase();
}
/**
 * A test of whether a value is the next item after one of the shape `item` (regex source, at
 * most `longest` characters): `"AKIA\u2026", "secret"`, `AKIA\u2026,secret`. Reads only the characters
 * just before the value, so it costs the same however many items a window holds.
 */
function nextAfter(item, longest) {
    const re = new RegExp(`(?:${item})${NEXT}$`);
    return (text, start) => re.test(text.slice(Math.max(0, start - longest - 16), start));
}
/** Back over a quote and up to three backslashes escaping it. */
function skipQuote(text, i) {
    const c = text[i - 1];
    if (c !== '"' && c !== "'" && c !== '`')
        return i;
    i--;
    for (let n = 0; n < 3 && text[i - 1] === '\\'; n++)
        i--;
    return i;
}
/** Back over up to four spaces or tabs. */
function skipSpace(text, i) {
    for (let n = 0; n < 4 && (text[i - 1] === ' ' || text[i - 1] === '\t'); n++)
        i--;
    return i;
}
/** A letter, digit, `_`, `$` or `-`. */
function isNameChar(c) {
    const l = c | 0x20;
    return ((l >= 0x61 && l <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c === 0x2d);
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/aws.js





const KEY_ID_PREFIXES = {
    AKIA: 'AWS access key ID',
    ASIA: 'AWS temporary access key ID',
    ABIA: 'AWS STS service bearer token ID',
    ACCA: 'AWS context-specific credential ID',
};
const keyId = (seed, prefix = 'AK' + 'IA') => prefix + fake(16, BASE32, seed);
const secret = (seed) => fake(40, B64, seed);
/**
 * An access key id alone cannot sign a request, so it is a warning; the secret key next to it
 * is the error (`secret/aws-secret-access-key`).
 */
const awsAccessKeyId = tokenDetector({
    id: 'secret/aws-access-key-id',
    title: 'AWS access key ID',
    provider: 'AWS',
    description: 'An AWS access key ID (`AKIA`, `ASIA` \u2026): not usable alone, but its secret key is rarely far.',
    severity: 'warning',
    keywords: Object.keys(KEY_ID_PREFIXES),
    // The 16 characters after the prefix are base32 (they encode the account).
    pattern: `${B}(AKIA|ASIA|ABIA|ACCA)(?<body>[A-Z2-7]{16})(?![A-Za-z0-9_-])`,
    label: (m) => KEY_ID_PREFIXES[m[1]],
    samples: {
        match: () => [keyId('aws-1'), `aws_access_key_id = ${keyId('aws-2', 'AS' + 'IA')}`],
        noMatch: () => [
            ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join(''),
            'AKIA' + 'X'.repeat(16),
            'AKIA' + 'A'.repeat(16),
            'timeZone: "Asia/Tokyo"',
            'ASIAN_PACIFIC',
            'AKIA' + fake(16, BASE32, 'aws-3').toLowerCase(),
        ],
    },
});
/** A quote, maybe escaped inside a string literal. */
const QUOTE = `(?:\\\\{0,3}["'\`])`;
const SECRET_CHARS = '[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])';
const KEY_ID_RE = new RegExp(`${boundary('A-Za-z0-9')}(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Za-z0-9])`, 'g');
// after `=` too: `AWS_SECRET=\u2026`
const CANDIDATE_RE = new RegExp(`${boundary('A-Za-z0-9/+')}${SECRET_CHARS}`, 'g');
/** A 40-character secret key: base64 with both cases and a digit; a hex digest is not one. */
function secretProblem(value) {
    if (!/[A-Z]/.test(value) || !/[a-z]/.test(value) || !/[0-9]/.test(value))
        return false;
    return undefined;
}
const byName = tokenDetector({
    id: 'secret/aws-secret-access-key',
    title: 'AWS secret access key',
    provider: 'AWS',
    description: '',
    keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key'],
    // the key name, maybe quoted (or quoted inside a string literal: `\"`), `:`, `=` or `=>`
    pattern: `(?:secret_access_key|secretaccesskey|secret-access-key)${QUOTE}?\\s{0,4}(?:=>|[:=])\\s{0,4}${QUOTE}?(?<body>${SECRET_CHARS})`,
    flags: 'i',
    valueGroup: 'body',
    shown: 0,
    verify: (m) => secretProblem(m.groups.body),
    samples: { match: () => [], noMatch: () => [] },
});
/** Names a secret key is given beside its key id: `secret`, `secretKey`, `aws_secret` \u2026 */
const SECRET_NAME = /^(?:aws)?(?:secret|secretkey|secretaccesskey|accesskeysecret)$/;
const afterKeyId = nextAfter(`${boundary('A-Za-z0-9')}(?:AKIA|ASIA)[A-Z2-7]{16}`, 20);
/**
 * The secret key has no prefix: it is found after its key name (`aws_secret_access_key =`,
 * `secretAccessKey:`) anywhere, or within 300 characters of an access key id when it is bound
 * to it: named as a secret (`secret: "\u2026"`, `AWS_SECRET=\u2026`) or the next item after the key id
 * (`new Credentials("AKIA\u2026", "\u2026")`, `AKIA\u2026,\u2026` in a credentials CSV). A 40-character value that
 * is merely near, under another name, is another provider's key.
 */
const awsSecretAccessKey = defineDetector({
    id: 'secret/aws-secret-access-key',
    title: 'AWS secret access key',
    provider: 'AWS',
    description: 'An AWS secret access key, after its key name, or within 300 characters of an access key ID and bound to it: named as a secret (`secret:`, `secretKey =`) or the next item after the key ID.',
    priority: PRIORITY.token,
    keywords: byName.keywords,
    find: byName.find,
    near: {
        keywords: ['akia', 'asia'],
        before: 300,
        after: 320,
        find(text, from, to) {
            if ((0,context/* matchesIn */.XJ)(KEY_ID_RE, text, from, to).length === 0)
                return [];
            const hits = [];
            for (const m of (0,context/* matchesIn */.XJ)(CANDIDATE_RE, text, from, to)) {
                if (/^[0-9a-f]+$/i.test(m[0]))
                    continue;
                const bound = afterKeyId(text, m.index) || SECRET_NAME.test(nameOf(text, m.index) ?? '');
                if (!bound)
                    continue;
                const hit = judge(m[0], m[0], m.index, { verify: () => secretProblem(m[0]) });
                if (hit)
                    hits.push(hit);
            }
            return hits;
        },
    },
    samples: {
        match: () => [
            `aws_secret_access_key = ${secret('aws-4')}`,
            `{"SecretAccessKey": "${secret('aws-5')}"}`,
            `new S3({credentials:{secretAccessKey:'${secret('aws-6')}'}})`,
            `AWS_SECRET_ACCESS_KEY=${secret('aws-7')}`,
            // next to a key id (a documented one here, so this sample finds only the secret)
            `const creds = ["${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}", "${secret('aws-9')}"]`,
            `new AWS.Credentials('${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}', '${secret('aws-14')}')`,
            `ci,,${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')},${secret('aws-15')},https://console.aws.amazon.com/`,
            // named as a secret beside a key id
            `{ accessKeyId: "${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}", secretKey: "${secret('aws-16')}" }`,
            `AWS_KEY=${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}\nAWS_SECRET=${secret('aws-17')}\n`,
        ],
        noMatch: () => [
            ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG', '/bPxRfiCYEXAMPLEKEY'].join(''),
            'aws_secret_access_key = ' + 'x'.repeat(40),
            'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
            'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY',
            `aws_secret_access_key = ${fake(40, HEX, 'aws-10')}`,
            `const a = "${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}"; // commit ${fake(40, HEX, 'aws-12')}`,
            `aws_secret_access_key = ${secret('aws-13').slice(0, 30)}`,
            // another provider's 40-character key beside an AWS documentation example
            `AWS_ACCESS_KEY_ID=${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}\nCLOUDFLARE_API_TOKEN="${secret('aws-18')}"\n`,
            `const keys = { aws: "${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}", sendgrid: "${secret('aws-19')}" }`,
            `${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')} is AWS's example; our build token is ${secret('aws-20')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/azure.js


const bytes = (b64) => Buffer.from(b64, 'base64').length;
const azureStorageKey = tokenDetector({
    id: 'secret/azure-storage-key',
    title: 'Azure Storage account key',
    provider: 'Microsoft Azure',
    description: 'An Azure Storage account key in a connection string (`AccountKey=`, 64 bytes).',
    keywords: ['accountkey='],
    pattern: 'AccountKey=(?<body>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])',
    flags: 'i',
    valueGroup: 'body',
    shown: 0,
    verify: (m) => (bytes(m.groups.body) === 64 ? undefined : false),
    samples: {
        match: () => [
            `DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=${fake(86, B64, 'az-1')}==;EndpointSuffix=core.windows.net`,
        ],
        noMatch: () => [
            // the storage emulator's documented key
            'AccountName=devstoreaccount1;AccountKey=' +
                [
                    'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq',
                    '/K1SZFPTOtr/KBHBeksoGMGw==',
                ].join(''),
            'AccountKey=<storage-account-key>',
            'AccountKey=${AZURE_STORAGE_KEY}',
            'AccountKey=' + 'A'.repeat(86) + '==',
        ],
    },
});
const azureSharedAccessKey = tokenDetector({
    id: 'secret/azure-shared-access-key',
    title: 'Azure shared access key',
    provider: 'Microsoft Azure',
    description: 'An Azure Service Bus, Event Hubs or IoT Hub shared access key in a connection string (`SharedAccessKey=`).',
    keywords: ['sharedaccesskey='],
    pattern: 'SharedAccessKey=(?<body>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])',
    flags: 'i',
    valueGroup: 'body',
    shown: 0,
    verify: (m) => (bytes(m.groups.body) === 32 ? undefined : false),
    samples: {
        match: () => [
            `Endpoint=sb://demo.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake(43, B64, 'az-2')}=`,
        ],
        noMatch: () => ['SharedAccessKey=<key>', 'SharedAccessKeyName=RootManageSharedAccessKey'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/digitalocean.js


const KINDS = {
    p: 'DigitalOcean personal access token',
    o: 'DigitalOcean OAuth access token',
    r: 'DigitalOcean OAuth refresh token',
};
const digitaloceanToken = tokenDetector({
    id: 'secret/digitalocean-token',
    title: 'DigitalOcean token',
    provider: 'DigitalOcean',
    description: 'A DigitalOcean personal access or OAuth token (`dop_v1_`, `doo_v1_`, `dor_v1_`).',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    pattern: `${B}do([por])_v1_(?<body>[a-f0-9]{64})${E}`,
    label: (m) => KINDS[m[1]],
    samples: {
        match: () => [['do' + 'p', 'v1', fake(64, HEX, 'do-1')].join('_')],
        noMatch: () => ['dop_v1_' + 'a'.repeat(64), 'DIGITALOCEAN_TOKEN=dop_v1_...'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/discord.js




// A bot token is base64(bot user id) . 6 characters of timestamp . 27-38 of HMAC. It has no
// prefix, so it is looked for near the word "discord", and its first part must decode to an id.
const BOT = new RegExp(`${B}([MNO][A-Za-z0-9_-]{22,27})\\.([A-Za-z0-9_-]{6})\\.([A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-])`, 'g');
const botToken = (seed) => [
    Buffer.from(fake(1, '123456789', seed) + fake(17, DIGITS, seed)).toString('base64url'),
    fake(6, B64URL, `${seed}-t`),
    fake(38, B64URL, `${seed}-h`),
].join('.');
const discordBotToken = defineDetector({
    id: 'secret/discord-bot-token',
    title: 'Discord bot token',
    provider: 'Discord',
    description: 'A Discord bot token near the word "discord" (its first part is a base64 user id).',
    priority: PRIORITY.token,
    near: {
        keywords: ['discord'],
        before: 512,
        after: 512,
        find(text, from, to) {
            const hits = [];
            for (const m of (0,context/* matchesIn */.XJ)(BOT, text, from, to)) {
                if (!/^[1-9][0-9]{16,19}$/.test(Buffer.from(m[1], 'base64url').toString('latin1')))
                    continue;
                const hit = judge(m[0], m[3], m.index);
                if (hit)
                    hits.push(hit);
            }
            return hits;
        },
    },
    samples: {
        match: () => [
            `DISCORD_TOKEN=${botToken('dc-1')}`,
            `const discord = new Client(); discord.login("${botToken('dc-2')}")`,
        ],
        noMatch: () => [
            `DISCORD_TOKEN=${botToken('dc-3').replace(/\.[^.]+$/, '.' + 'x'.repeat(38))}`,
            `discord.login(process.env.DISCORD_TOKEN)`,
            // right shape, but the first part is not a user id, and no "discord" near it
            `token = "${botToken('dc-4')}"`,
        ],
    },
});
const HOST = /(?:^|[^A-Za-z0-9.-])((?:(?:ptb|canary)\.)?discord(?:app)?\.com)$/;
const WEBHOOK = new RegExp(`/api/webhooks/[0-9]{17,20}/(?<body>[A-Za-z0-9_-]{60,80})${E}`, 'y');
/** Found at `/api/webhooks/`, then the host before it is checked. */
const discordWebhook = defineDetector({
    id: 'secret/discord-webhook',
    title: 'Discord webhook URL',
    provider: 'Discord',
    description: 'A Discord webhook URL (`discord.com/api/webhooks/<id>/<token>`).',
    priority: PRIORITY.token,
    keywords: ['/api/webhooks/'],
    find(text, at) {
        const host = HOST.exec(text.slice(Math.max(0, at - 40), at));
        const m = host && (0,context/* matchAt */.pF)(WEBHOOK, text, at);
        if (!host || !m)
            return undefined;
        const start = at - host[1].length;
        return judge(text.slice(start, at + m[0].length), m.groups.body, start, { shown: 4 });
    },
    samples: {
        match: () => [
            `https://discord.com/api/webhooks/${fake(1, '123456789', 'dw-1')}${fake(18, DIGITS, 'dw-2')}/${fake(68, B64URL, 'dw-3')}`,
        ],
        noMatch: () => [
            'https://discord.com/api/webhooks/{webhook.id}/{webhook.token}',
            `https://example.com/api/webhooks/1234567890123456789/${fake(68, B64URL, 'dw-4')}`,
            'https://discord.com/api/webhooks/123456789012345678/' + 'x'.repeat(68),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/dockerhub.js


const dockerhubToken = tokenDetector({
    id: 'secret/dockerhub-token',
    title: 'Docker Hub access token',
    provider: 'Docker Hub',
    description: 'A Docker Hub personal or organization access token (`dckr_pat_`, `dckr_oat_`).',
    keywords: ['dckr_pat_', 'dckr_oat_'],
    pattern: `${B}dckr_(?:pat|oat)_(?<body>[A-Za-z0-9_-]{27,36})${E}`,
    samples: {
        match: () => [`docker login -u me -p ${['dckr', 'pat', fake(27, B64URL, 'dckr-1')].join('_')}`],
        noMatch: () => ['dckr_pat_' + 'x'.repeat(27), 'DOCKER_TOKEN=dckr_pat_<token>'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/github.js



const github_KINDS = {
    p: 'GitHub personal access token (classic)',
    o: 'GitHub OAuth access token',
    u: 'GitHub user-to-server token',
    s: 'GitHub server-to-server token',
    r: 'GitHub refresh token',
};
/** `ghp_` and friends: 30 random base62 characters, then a 6-character CRC-32 checksum. */
const githubToken = tokenDetector({
    id: 'secret/github-token',
    title: 'GitHub token',
    provider: 'GitHub',
    description: 'A GitHub token (`ghp_` classic personal access token, `gho_`, `ghu_`, `ghs_`, `ghr_`) whose checksum is valid.',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: `${B}gh([pousr])_(?<body>(?<random>[A-Za-z0-9]{30})(?<sum>[A-Za-z0-9]{6}))${E}`,
    label: (m) => github_KINDS[m[1]],
    checksum: true,
    verify: (m) => crcChecksum(m.groups.random) === m.groups.sum ? undefined : 'its checksum does not match',
    samples: {
        match: () => [
            checksummed('gh' + 'p_', 'github-1'),
            `GITHUB_TOKEN=${checksummed('gh' + 'o_', 'github-2')}\n`,
            `headers:{Authorization:"token ${checksummed('gh' + 's_', 'github-3')}"}`,
            `https://x-access-token:${checksummed('gh' + 's_', 'github-4')}@github.com/o/r.git`,
        ],
        noMatch: () => [
            'ghp_' + 'x'.repeat(36),
            'ghp_' + 'X'.repeat(36),
            'ghp_' + ALNUM.slice(0, 36),
            'ghp_' + '1234567890'.repeat(4).slice(0, 36),
            'const re = /ghp_[A-Za-z0-9]{36}/',
            'const PREFIX = "ghp_"',
            'token: `ghp_${TOKEN}`',
            'token: process.env.GITHUB_TOKEN',
            '<your-token>',
            'ghp_' + fake(30, ALNUM, 'github-short'),
            'ghp_yourPersonalAccessTokenGoesHere12345',
        ],
        unverified: () => [
            badChecksum('gh' + 'p_', 'github-5'),
            'ghp_' + fake(36, ALNUM, 'github-6'),
            'ghp_' + fake(16, ALNUM, 'github-7') + 'TestToken' + fake(11, ALNUM, 'github-8'),
        ],
    },
});
/** `github_pat_`: 22 characters of id, `_`, 59 of secret. No published checksum. */
const githubFineGrainedToken = tokenDetector({
    id: 'secret/github-fine-grained-token',
    title: 'GitHub fine-grained personal access token',
    provider: 'GitHub',
    description: 'A GitHub fine-grained personal access token (`github_pat_`).',
    keywords: ['github_pat_'],
    pattern: `${B}github_pat_[A-Za-z0-9]{22}_(?<body>[A-Za-z0-9]{59})${E}`,
    samples: {
        match: () => [
            ['github', 'pat', fake(22, ALNUM, 'ghfg-1'), fake(59, ALNUM, 'ghfg-2')].join('_'),
            `token = "${['github', 'pat', fake(22, ALNUM, 'ghfg-3'), fake(59, ALNUM, 'ghfg-4')].join('_')}"`,
        ],
        noMatch: () => [
            'github_pat_',
            `github_pat_${'x'.repeat(22)}_${'x'.repeat(59)}`,
            'if (t.startsWith("github_pat_")) kind = "fine-grained"',
            '/github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/',
            ['github', 'pat', fake(22, ALNUM, 'ghfg-5'), fake(40, ALNUM, 'ghfg-6')].join('_'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/gitlab.js


// Prefixes per https://docs.gitlab.com/security/tokens/#token-prefixes; routable tokens end
// in `.<2><7>` (base36).
const gitlab_KINDS = {
    glpat: 'GitLab personal access token',
    gldt: 'GitLab deploy token',
    glft: 'GitLab feed token',
    glsoat: 'GitLab SCIM token',
    glcbt: 'GitLab CI/CD job token',
    glptt: 'GitLab pipeline trigger token',
    gloas: 'GitLab OAuth application secret',
    glimt: 'GitLab incoming mail token',
    glagent: 'GitLab agent for Kubernetes token',
    glffct: 'GitLab feature flag client token',
};
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const gitlabToken = tokenDetector({
    id: 'secret/gitlab-token',
    title: 'GitLab token',
    provider: 'GitLab',
    description: 'A GitLab access token (`glpat-`, `gldt-`, `glptt-`, `gloas-` \u2026).',
    keywords: Object.keys(gitlab_KINDS).map((k) => `${k}-`),
    pattern: `${B}(${Object.keys(gitlab_KINDS).join('|')})-(?<body>[A-Za-z0-9_-]{20,300})(?:\\.[0-9a-z]{9})?${E}`,
    label: (m) => gitlab_KINDS[m[1]],
    samples: {
        match: () => [
            ['glpat', fake(20, ALNUM, 'gl-1')].join('-'),
            `GITLAB_TOKEN="${['glpat', fake(27, B64URL, 'gl-2') + '.01' + fake(7, BASE36, 'gl-3')].join('-')}"`,
            ['glptt', fake(40, HEX, 'gl-4')].join('-'),
        ],
        noMatch: () => [
            'glpat-XXXXXXXXXXX-XXXXXXXX',
            'glpat-xxxxxxxx-xxxxxxxxxxxxxxxxxx.xxxxxxxxx',
            'glptt-' + 'x'.repeat(40),
            'const prefix = "glpat-"',
            ['glpat', fake(12, ALNUM, 'gl-5')].join('-'),
        ],
    },
});
const gitlabRunnerToken = tokenDetector({
    id: 'secret/gitlab-runner-token',
    title: 'GitLab runner token',
    provider: 'GitLab',
    description: 'A GitLab runner authentication or registration token (`glrt-`, `GR1348941`).',
    keywords: ['glrt-', 'gr1348941'],
    pattern: `${B}(?:glrt-|GR1348941)(?<body>[A-Za-z0-9_-]{20,300})(?:\\.[0-9a-z]{9})?${E}`,
    samples: {
        match: () => [
            ['glrt', 't1_' + fake(27, ALNUM, 'glr-1')].join('-'),
            'GR1348' + '941' + fake(20, ALNUM, 'glr-2'),
        ],
        noMatch: () => [
            'GR134894112312312312312312312',
            'GR1348941XXXXXXXXXXXXXXXXXXXX',
            'glrt-tx_xxxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxx',
        ],
    },
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/openssh.js
const MAGIC = 'openssh-key-v1\0';
/**
 * Reads the `openssh-key-v1` structure: magic, cipher, KDF and its options, the public keys,
 * then the private section. Unencrypted, that section starts with the same check number twice
 * (what `ssh-keygen` writes and checks when it loads a key), which random bytes after the magic
 * almost never have. Undefined when it does not parse.
 */
function readOpenssh(data) {
    if (data.toString('latin1', 0, MAGIC.length) !== MAGIC)
        return undefined;
    const r = new SshReader(data, MAGIC.length);
    const cipher = r.text();
    const kdf = r.text();
    const kdfOptions = r.bytes();
    const count = r.u32();
    if (cipher === undefined || kdf === undefined || !kdfOptions || !count || count > 64)
        return undefined;
    let keyType;
    for (let i = 0; i < count; i++) {
        const pub = r.bytes();
        if (!pub)
            return undefined;
        keyType ??= new SshReader(pub, 0).text();
    }
    const section = r.bytes();
    if (!section || !keyType)
        return undefined;
    if (cipher !== 'none')
        return { encrypted: true, keyType };
    if (kdf !== 'none' || r.at !== data.length || section.length < 8 || section.length % 8 !== 0)
        return undefined;
    if (section.readUInt32BE(0) !== section.readUInt32BE(4))
        return undefined;
    return { encrypted: false, keyType };
}
/** Reads SSH wire-format fields (RFC 4251): uint32, and strings prefixed with their length. */
class SshReader {
    data;
    at;
    constructor(data, at) {
        this.data = data;
        this.at = at;
    }
    u32() {
        if (this.at + 4 > this.data.length)
            return undefined;
        const n = this.data.readUInt32BE(this.at);
        this.at += 4;
        return n;
    }
    bytes() {
        const n = this.u32();
        if (n === undefined || this.at + n > this.data.length)
            return undefined;
        const out = this.data.subarray(this.at, this.at + n);
        this.at += n;
        return out;
    }
    /** A short printable name (cipher, KDF, key type). */
    text() {
        const b = this.bytes();
        if (!b || b.length > 64)
            return undefined;
        const s = b.toString('latin1');
        return /^[\x21-\x7e]*$/.test(s) ? s : undefined;
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/pem.js



const LABELS = {
    'RSA PRIVATE KEY': 'RSA private key',
    'EC PRIVATE KEY': 'EC private key',
    'DSA PRIVATE KEY': 'DSA private key',
    'OPENSSH PRIVATE KEY': 'OpenSSH private key',
    'PRIVATE KEY': 'PKCS#8 private key',
    'ENCRYPTED PRIVATE KEY': 'encrypted PKCS#8 private key',
    'PGP PRIVATE KEY BLOCK': 'PGP private key block',
};
const HEADER = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY|PGP PRIVATE KEY BLOCK)-----/y;
/** A line break, real or escaped inside a string literal (`\n`, `\\n`, `\r\n`). */
const LINE_BREAK = /\\{1,4}(?:r\\{1,4})?n|\r?\n|\r/;
const MAX_BODY = 20000;
/** Shortest real key body: an Ed25519 PKCS#8 key is 64 base64 characters. */
const MIN_BODY = 64;
/**
 * Reads a PEM private key block at `at` (where `-----BEGIN ` is). Undefined when it only
 * mentions the format: no footer, an empty, short or non-base64 body, a placeholder body.
 */
function readPemKey(text, at, ctx) {
    const m = (0,context/* matchAt */.pF)(HEADER, text, at);
    if (!m)
        return undefined;
    const type = m[1];
    const bodyStart = at + m[0].length;
    const footerAt = ctx.nextIndexOf('-----END ', bodyStart);
    const footer = `-----END ${type}-----`;
    if (footerAt < 0 || footerAt - bodyStart > MAX_BODY || !text.startsWith(footer, footerAt))
        return undefined;
    const parsed = armoredBody(text.slice(bodyStart, footerAt), type.startsWith('PGP'));
    if (!parsed)
        return undefined;
    const der = Buffer.from(parsed.body, 'base64');
    const ssh = type === 'OPENSSH PRIVATE KEY';
    const openssh = ssh ? readOpenssh(der) : undefined;
    const encrypted = openssh?.encrypted ?? /^Proc-Type:\s*4,\s*ENCRYPTED/im.test(parsed.headers);
    const label = (encrypted ? 'encrypted ' : '') + LABELS[type];
    const block = { start: at, end: footerAt + footer.length, label, body: parsed.body };
    if (!encrypted && !(ssh ? openssh : wellFormed(type, der)))
        block.problem = `its body does not parse as ${LABELS[type]}`;
    return block;
}
/**
 * Splits an armored body into header lines (`Proc-Type:`, `Version:`) and base64; undefined
 * unless everything else is base64 of a plausible length. `pgp` drops the `=XXXX` checksum line.
 */
function armoredBody(raw, pgp) {
    if (raw.includes('-----'))
        return undefined;
    let headers = '';
    const chunks = [];
    for (const line of raw.split(LINE_BREAK)) {
        if (line.includes(':')) {
            if (chunks.length > 0)
                return undefined;
            headers += line + '\n';
            continue;
        }
        for (const chunk of line.split(/[ \t]+/)) {
            if (chunk === '')
                continue;
            if (pgp && /^=[A-Za-z0-9+/]{4}$/.test(chunk))
                continue;
            if (!/^[A-Za-z0-9+/]+={0,2}$/.test(chunk))
                return undefined;
            chunks.push(chunk);
        }
    }
    const body = chunks.join('');
    if (body.length < MIN_BODY || doubt(body) === 'placeholder')
        return undefined;
    return { headers, body };
}
/** Whether a PEM or PGP body parses as its type says (OpenSSH keys: see readOpenssh). */
function wellFormed(type, der) {
    if (type === 'PGP PRIVATE KEY BLOCK')
        return pgpSecretKeyPacket(der[0] ?? 0);
    return derSequence(der);
}
/** A DER SEQUENCE whose declared length is exactly the data (PKCS#1, SEC1, PKCS#8, DSA). */
function derSequence(der) {
    if (der.length < 2 || der[0] !== 0x30)
        return false;
    let length = der[1];
    let header = 2;
    if (length & 0x80) {
        const n = length & 0x7f;
        if (n < 1 || n > 3 || der.length < 2 + n)
            return false;
        length = 0;
        for (let i = 0; i < n; i++)
            length = length * 256 + der[2 + i];
        header += n;
    }
    return header + length === der.length;
}
/** The first OpenPGP packet of a private key block is a secret-key packet (tag 5). */
function pgpSecretKeyPacket(first) {
    if (!(first & 0x80))
        return false;
    const tag = first & 0x40 ? first & 0x3f : (first >> 2) & 0x0f;
    return tag === 5;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/google.js






/**
 * Browser API keys (Maps, Firebase) are meant to ship and be restricted by referrer, so this is
 * a warning: check the key's restrictions rather than assume a leak.
 */
const googleApiKey = tokenDetector({
    id: 'secret/google-api-key',
    title: 'Google API key',
    provider: 'Google Cloud',
    description: 'A Google API key (`AIza`). Browser keys ship by design, so check that it is restricted.',
    severity: 'warning',
    keywords: ['aiza'],
    pattern: `${B}AIza(?<body>[0-9A-Za-z_-]{35})${E}`,
    samples: {
        match: () => [
            'AI' + 'za' + fake(35, B64URL, 'gapi-1'),
            `apiKey: "AI${'za'}${fake(35, B64URL, 'gapi-2')}"`,
        ],
        noMatch: () => [
            'AIza' + 'X'.repeat(35),
            'apiKey: "AIza..."',
            'AIza' + fake(30, B64URL, 'gapi-3'),
            'apiKey: "AIzaSyYOUR_API_KEY_HERE_0123456789abc"',
        ],
    },
});
const googleOauthClientSecret = tokenDetector({
    id: 'secret/google-oauth-client-secret',
    title: 'Google OAuth client secret',
    provider: 'Google Cloud',
    description: 'A Google OAuth client secret (`GOCSPX-`).',
    keywords: ['gocspx-'],
    pattern: `${B}GOCSPX-(?<body>[A-Za-z0-9_-]{28})${E}`,
    samples: {
        match: () => [`client_secret: "${['GOCSPX', fake(28, B64URL, 'goc-1')].join('-')}"`],
        noMatch: () => ['GOCSPX-' + 'x'.repeat(28), 'GOCSPX-<client-secret>'],
    },
});
// in JSON, a JS object, or JSON inside a string literal (quotes escaped as \")
const Q = `(?:\\\\{0,3}["'])`;
const TYPE_RE = new RegExp(`${Q}?type${Q}?\\s{0,8}:\\s{0,8}${Q}service_account${Q}`, 'g');
const PRIVATE_KEY_RE = new RegExp(`${Q}?private_key${Q}?\\s{0,8}:\\s{0,8}${Q}`, 'g');
/**
 * A service-account key file (`"type": "service_account"` with a `"private_key"`): the PEM is
 * reported once, as the whole credential, instead of as a bare private key.
 */
const googleServiceAccount = defineDetector({
    id: 'secret/google-service-account',
    title: 'Google Cloud service account key',
    provider: 'Google Cloud',
    description: 'A Google Cloud service-account key file (`"type": "service_account"` with a `"private_key"`).',
    priority: PRIORITY.document,
    near: {
        keywords: ['service_account'],
        before: 4096,
        after: 4096,
        find(text, from, to, ctx) {
            if ((0,context/* matchesIn */.XJ)(TYPE_RE, text, from, to).length === 0)
                return [];
            const hits = [];
            for (const m of (0,context/* matchesIn */.XJ)(PRIVATE_KEY_RE, text, from, to)) {
                const block = readPemKey(text, m.index + m[0].length, ctx);
                if (!block)
                    continue;
                const hit = judge(block.body, block.body, block.start, { verify: () => block.problem });
                if (hit)
                    hits.push({ ...hit, end: Math.max(hit.end, block.end) });
            }
            return hits;
        },
    },
    samples: {
        match: () => {
            const pem = (0,external_node_crypto_.generateKeyPairSync)('rsa', { modulusLength: 1024 })
                .privateKey.export({ type: 'pkcs8', format: 'pem' })
                .toString();
            const file = {
                type: 'service_account',
                project_id: 'demo-project',
                private_key_id: fake(40, '0123456789abcdef', 'gsa-1'),
                private_key: pem,
                client_email: 'ci@demo-project.iam.gserviceaccount.com',
                client_id: fake(21, '0123456789', 'gsa-2'),
            };
            return [JSON.stringify(file, null, 2), `module.exports=${JSON.stringify(file)}`];
        },
        noMatch: () => [
            '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}',
            '{"type": "service_account", "private_key": process.env.GCP_KEY}',
            `if (creds.type === "service_account") use(creds.private_key) // ${fake(10, ALNUM, 'gsa-3')}`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/huggingface.js


const huggingfaceToken = tokenDetector({
    id: 'secret/huggingface-token',
    title: 'Hugging Face access token',
    provider: 'Hugging Face',
    description: 'A Hugging Face user access token (`hf_` and 34 letters).',
    keywords: ['hf_'],
    pattern: `${B}hf_(?<body>[A-Za-z]{34})${E}`,
    shown: 3,
    samples: {
        match: () => [`HF_TOKEN=${['hf', fake(34, LETTERS, 'hf-1')].join('_')}`],
        noMatch: () => [
            'hf_' + 'x'.repeat(34),
            'hf_' + 'abcdefghijklmnopqrstuvwxyzabcdefgh',
            'hf_hub_download(repo_id, filename)',
            ['hf', fake(34, LETTERS, 'hf-2') + '0'].join('_'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/jwt.js





const JWT = new RegExp(`${B}eyJ[A-Za-z0-9_-]{8,1500}\\.eyJ[A-Za-z0-9_-]{8,15000}\\.(?<sig>[A-Za-z0-9_-]{0,1500})(?![A-Za-z0-9_.=-])`, 'y');
const YEAR = 365 * 24 * 3600;
/** Decodes the JWT starting at `at`: undefined unless header and payload are JSON objects with an `alg`. */
function readJwt(text, at) {
    const m = (0,context/* matchAt */.pF)(JWT, text, at);
    if (!m)
        return undefined;
    const [header, payload] = m[0].split('.').slice(0, 2).map(decode);
    if (!isObject(header) || typeof header.alg !== 'string' || !isObject(payload))
        return undefined;
    return { start: at, value: m[0], alg: header.alg, payload, signature: m.groups.sig };
}
function decode(part) {
    try {
        return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Claims that say who the token is for or what it may do: a credential has at least one. */
const IDENTITY = [
    'iss',
    'sub',
    'aud',
    'role',
    'roles',
    'scope',
    'scp',
    'client_id',
    'azp',
    'uid',
    'user_id',
    'email',
    'permissions',
    'groups',
    'tid',
    'org_id',
    'app_id',
];
/** Unsigned tokens grant nothing, and documentation tokens are not credentials. */
function signedAndReal(jwt) {
    if (jwt.alg.toLowerCase() === 'none' || jwt.signature.length < 16)
        return false;
    if (doubt(jwt.signature) === 'placeholder')
        return false;
    if (!IDENTITY.some((claim) => claim in jwt.payload))
        return false;
    const claims = JSON.stringify(jwt.payload);
    return !/john doe|jane doe|1234567890|example|lorem|placeholder|your-|"foo"|"bar"/i.test(claims);
}
const looksTest = (jwt) => /test|fake|mock|dummy/i.test(JSON.stringify(jwt.payload));
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/**
 * JWTs are everywhere in bundles and docs; most are short-lived session tokens or examples.
 * Reported (as a warning) is a signed token (alg not `none`, a real signature) with identity or
 * authorization claims (`iss`, `sub`, `aud`, `role`, `scope` \u2026) that stays valid a long time: no
 * `exp` at all, or `exp` more than a year after `iat` (after now when there is no `iat`). Not
 * reported: unsigned tokens, expired or short-lived ones, tokens that identify no one
 * (`{"k":"value"}`), documentation tokens (jwt.io's John Doe, example claims), Supabase `anon`
 * keys (public by design). Supabase
 * `service_role` keys have their own rule (`secret/supabase-service-role-key`, an error).
 * Claims that say test/fake/mock make it unverified.
 */
const jwt = defineDetector({
    id: 'secret/jwt',
    title: 'long-lived JSON Web Token',
    provider: 'generic',
    description: 'A signed JSON Web Token without expiry or valid for more than a year (see the rule docs for what is left out).',
    severity: 'warning',
    priority: PRIORITY.generic,
    keywords: ['eyj'],
    find(text, at, ctx) {
        const t = ctx.memo('jwt', at, () => readJwt(text, at));
        if (!t || !signedAndReal(t))
            return undefined;
        const role = t.payload.role;
        if (role === 'anon' || role === 'service_role')
            return undefined;
        const exp = num(t.payload.exp);
        const issued = num(t.payload.iat) ?? num(t.payload.nbf) ?? Date.now() / 1000;
        if (exp !== undefined && exp - issued <= YEAR)
            return undefined;
        const label = exp === undefined
            ? `JSON Web Token without expiry (${t.alg})`
            : `long-lived JSON Web Token (${t.alg}, valid ${Math.round((exp - issued) / YEAR)} years)`;
        return hitOf(t, label);
    },
    samples: {
        match: () => [
            token({ alg: 'HS256', typ: 'JWT' }, { sub: 'svc-deploy', scope: 'admin' }, 'jwt-1'),
            `Authorization: Bearer ${token({ alg: 'RS256' }, { iss: 'https://auth.acme.io', sub: 'ci', iat: 1700000000, exp: 2015360000 }, 'jwt-2', 342)}`,
        ],
        noMatch: () => [
            // jwt.io's sample token
            token({ alg: 'HS256', typ: 'JWT' }, { sub: '1234567890', name: 'John Doe', iat: 1516239022 }, '', 0, ['SflKxwRJSMeKKF2QT4fwpMeJf36POk6y', 'JV_adQssw5c'].join('')),
            token({ alg: 'none' }, { sub: 'svc' }, '', 0, ''),
            token({ alg: 'HS256' }, { sub: 'u1', iat: 1700000000, exp: 1700003600 }, 'jwt-3'),
            token({ alg: 'HS256' }, { iss: 'supabase', role: 'anon', exp: 2000000000, iat: 1700000000 }, 'jwt-4'),
            `sourceMappingURL=data:application/json;base64,${b64json({ version: 3, sources: [] })}`,
            'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.signature',
            token({ typ: 'JWT' }, { sub: 'svc' }, 'jwt-5'),
            token({ alg: 'HS256' }, { k: 'value' }, 'jwt-7'),
        ],
        unverified: () => [token({ alg: 'HS256' }, { sub: 'test-user', role: 'tester' }, 'jwt-6')],
    },
});
function hitOf(t, label) {
    const hit = judge(t.value, t.signature, t.start, { shown: 0, label });
    if (hit && !hit.unverified && looksTest(t))
        hit.unverified = 'its claims look like test data';
    return hit;
}
/** A JWT sample: header and payload as given, a random signature unless one is passed. */
function token(header, payload, seed, length = 43, signature = fake(length, B64URL, seed)) {
    return [b64json(header), b64json(payload), signature].join('.');
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/npm.js



/** npm's granular and automation tokens use GitHub's format: 30 random + 6 checksum. */
const npmToken = tokenDetector({
    id: 'secret/npm-token',
    title: 'npm access token',
    provider: 'npm',
    description: 'An npm access token (`npm_`) whose checksum is valid.',
    keywords: ['npm_'],
    // npm's own variables (npm_config_*, npm_package_*) are in much code: only a token body counts.
    guards: { npm_: '[A-Za-z0-9]{36}' },
    pattern: `${B}npm_(?<body>(?<random>[A-Za-z0-9]{30})(?<sum>[A-Za-z0-9]{6}))${E}`,
    checksum: true,
    verify: (m) => crcChecksum(m.groups.random) === m.groups.sum ? undefined : 'its checksum does not match',
    samples: {
        match: () => [
            checksummed('np' + 'm_', 'npm-1'),
            `//registry.npmjs.org/:_authToken=${checksummed('np' + 'm_', 'npm-2')}\n`,
        ],
        noMatch: () => [
            '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
            'process.env.npm_config_registry',
            'npm_package_json',
            'npm_' + '0'.repeat(36),
            'npm_' + fake(20, ALNUM, 'npm-3'),
        ],
        unverified: () => [badChecksum('np' + 'm_', 'npm-4')],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/openai.js




/** `T3BlbkFJ` is base64 of `OpenAI`; every OpenAI key carries it at a fixed distance from its start. */
const MARKER = 'T3BlbkFJ';
const SHAPES = [
    {
        prefix: 'sk-',
        before: 20,
        label: 'OpenAI API key',
        re: new RegExp(`${B}sk-[A-Za-z0-9]{20}${MARKER}[A-Za-z0-9]{20}${E}`, 'y'),
    },
    ...['proj', 'svcacct', 'admin'].flatMap((kind) => [74, 58].map((before) => ({
        prefix: `sk-${kind}-`,
        before,
        label: {
            proj: 'OpenAI project API key',
            svcacct: 'OpenAI service account key',
            admin: 'OpenAI admin key',
        }[kind],
        re: new RegExp(`${B}sk-${kind}-[A-Za-z0-9_-]{${before}}${MARKER}[A-Za-z0-9_-]{58,74}${E}`, 'y'),
    }))),
];
/** Found at the marker, then matched from each start the known shapes put before it. */
const openaiApiKey = defineDetector({
    id: 'secret/openai-api-key',
    title: 'OpenAI API key',
    provider: 'OpenAI',
    description: 'An OpenAI API key (legacy `sk-`, `sk-proj-`, `sk-svcacct-`, `sk-admin-`).',
    priority: PRIORITY.token,
    keywords: [MARKER],
    find(text, at) {
        if (!text.startsWith(MARKER, at))
            return undefined;
        for (const shape of SHAPES) {
            const start = at - shape.before - shape.prefix.length;
            if (start < 0 || !text.startsWith(shape.prefix, start))
                continue;
            const m = (0,context/* matchAt */.pF)(shape.re, text, start);
            if (!m)
                continue;
            // project keys have 58 or 74 characters on each side of the marker
            const tail = m[0].length - (shape.prefix.length + shape.before + MARKER.length);
            if (shape.prefix !== 'sk-' && tail !== 58 && tail !== 74)
                continue;
            const body = m[0].slice(shape.prefix.length).replace(MARKER, '');
            return judge(m[0], body, start, { shown: 4, label: shape.label });
        }
        return undefined;
    },
    samples: {
        match: () => [
            `OPENAI_API_KEY=${['sk', fake(20, ALNUM, 'oai-1') + 'T3Blbk' + 'FJ' + fake(20, ALNUM, 'oai-2')].join('-')}`,
            ['sk', 'proj', fake(74, B64URL, 'oai-3') + 'T3Blbk' + 'FJ' + fake(74, B64URL, 'oai-4')].join('-'),
            ['sk', 'admin', fake(58, B64URL, 'oai-5') + 'T3Blbk' + 'FJ' + fake(58, B64URL, 'oai-6')].join('-'),
        ],
        noMatch: () => [
            'sk-proj-...',
            'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            'const marker = "T3BlbkFJ"',
            ['sk', 'x'.repeat(20) + 'T3BlbkFJ' + 'x'.repeat(20)].join('-'),
            ['sk', fake(19, ALNUM, 'oai-7') + 'T3BlbkFJ' + fake(20, ALNUM, 'oai-8')].join('-'),
            ['sk', 'proj', fake(74, B64URL, 'oai-9') + 'T3BlbkFJ' + fake(66, B64URL, 'oai-10')].join('-'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/postman.js


const postmanApiKey = tokenDetector({
    id: 'secret/postman-api-key',
    title: 'Postman API key',
    provider: 'Postman',
    description: 'A Postman API key (`PMAK-`).',
    keywords: ['pmak-'],
    pattern: `${B}PMAK-[a-f0-9]{24}-(?<body>[a-f0-9]{34})${E}`,
    samples: {
        match: () => [['PM' + 'AK', fake(24, HEX, 'pm-1'), fake(34, HEX, 'pm-2')].join('-')],
        noMatch: () => ['PMAK-' + '0'.repeat(24) + '-' + '0'.repeat(34), 'x-api-key: PMAK-...'],
    },
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/ssh-keys.js




const made = new Map();
/** A fresh OpenSSH private key file (one per type and passphrase per process). */
function sshPrivateKey(type, passphrase = '') {
    const id = `${type}\0${passphrase}`;
    let key = made.get(id);
    if (key === undefined) {
        key = sshKeygen(type, passphrase) ?? opensshKey(type, passphrase);
        made.set(id, key);
    }
    return key;
}
/** `ssh-keygen -t <type> -N <passphrase> -f <tmp>`; undefined when it cannot run. */
function sshKeygen(type, passphrase = '') {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'packguard-ssh-'));
    try {
        const file = (0,external_node_path_.join)(dir, `id_${type}`);
        const bits = type === 'rsa' ? ['-b', '2048'] : [];
        // Taken only here: detector files are bundled, and a check must not load child_process.
        const { execFileSync } = process.getBuiltinModule('node:child_process');
        execFileSync('ssh-keygen', ['-q', '-t', type, ...bits, '-N', passphrase, '-C', 'ci@build', '-f', file], { stdio: 'ignore' });
        return (0,external_node_fs_.readFileSync)(file, 'latin1');
    }
    catch {
        return undefined;
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
const u32 = (n) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
};
const str = (s) => {
    const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
    return Buffer.concat([u32(b.length), b]);
};
/** An SSH mpint: big-endian, no leading zero bytes, a zero byte before a set high bit. */
const mpint = (b) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0)
        i++;
    const v = b.subarray(i);
    return str(v[0] & 0x80 ? Buffer.concat([Buffer.alloc(1), v]) : v);
};
/**
 * An `openssh-key-v1` private key as `ssh-keygen` writes it. With a passphrase the private
 * section is random bytes under `aes256-ctr`/`bcrypt` (the scanner never decrypts it).
 */
function opensshKey(type, passphrase = '') {
    const jwk = type === 'rsa'
        ? (0,external_node_crypto_.generateKeyPairSync)('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })
        : (0,external_node_crypto_.generateKeyPairSync)('ed25519').privateKey.export({ format: 'jwk' });
    const n = (k) => Buffer.from(jwk[k], 'base64url');
    const name = type === 'rsa' ? 'ssh-rsa' : 'ssh-ed25519';
    const pub = type === 'rsa'
        ? Buffer.concat([str(name), mpint(n('e')), mpint(n('n'))])
        : Buffer.concat([str(name), str(n('x'))]);
    const priv = type === 'rsa'
        ? Buffer.concat([str(name), ...[n('n'), n('e'), n('d'), n('qi'), n('p'), n('q')].map(mpint)])
        : Buffer.concat([str(name), str(n('x')), str(Buffer.concat([n('d'), n('x')]))]);
    const check = (0,external_node_crypto_.randomBytes)(4);
    const block = passphrase ? 16 : 8;
    let section = Buffer.concat([check, check, priv, str('ci@build')]);
    const pad = (block - (section.length % block)) % block;
    section = Buffer.concat([section, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
    if (passphrase)
        section = (0,external_node_crypto_.randomBytes)(section.length);
    const kdf = passphrase ? Buffer.concat([str((0,external_node_crypto_.randomBytes)(16)), u32(16)]) : Buffer.alloc(0);
    const body = Buffer.concat([
        Buffer.from('openssh-key-v1\0', 'latin1'),
        str(passphrase ? 'aes256-ctr' : 'none'),
        str(passphrase ? 'bcrypt' : 'none'),
        str(kdf),
        u32(1),
        str(pub),
        str(section),
    ]);
    const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
    const label = 'OPENSSH PRIVATE KEY';
    return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join('\n');
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/kit/places.js
// Where in a package a file is, for detectors that judge a finding by its place.
/** Names of files whose content is a private key. */
const KEY_FILE = /(?:^|[/\\!])(?:id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?|[^/\\!]+\.(?:pem|key|ppk|p8|pk8|asc|gpg|openssh))$/i;
/** Documentation by extension, or anything under a docs folder. */
const DOCS = /\.(?:md|markdown|rst|txt|adoc|asciidoc)$|(?:^|[/\\!])docs?[/\\]/i;
/** Anything under a test or fixture folder at any depth, or named as a test file. */
const TESTS = /(?:^|[/\\!])(?:tests?|__tests__|specs?|fixtures|__fixtures__)[/\\]|\.(?:test|spec)\.[cm]?[jt]sx?$/i;
/** Whether a file is by its name a private key file (`*.pem`, `*.key`, `id_rsa`, `*.ppk` \u2026). */
function isKeyFile(path) {
    return KEY_FILE.test(path);
}
/** `documentation` or `test code` when a file is one of them, else undefined. */
function docsOrTests(path) {
    if (TESTS.test(path))
        return 'test code';
    if (DOCS.test(path))
        return 'documentation';
    return undefined;
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/private-key.js








const PUTTY = /PuTTY-User-Key-File-[23]: [A-Za-z0-9@.-]{3,64}(?:\\{1,4}(?:r\\{1,4})?n|\r?\n)[ \t]{0,16}Encryption: ([A-Za-z0-9-]{1,32})/y;
const PRIVATE_MAC = 'Private-MAC: ';
const MAX_PUTTY = 16384;
/** A PuTTY .ppk key: its private lines come between `Private-Lines: N` and `Private-MAC:`. */
function readPutty(text, at, ctx) {
    const m = (0,context/* matchAt */.pF)(PUTTY, text, at);
    if (!m)
        return undefined;
    const macAt = ctx.nextIndexOf(PRIVATE_MAC, at);
    if (macAt < 0 || macAt - at > MAX_PUTTY)
        return undefined;
    if (!/^[0-9a-f]{40,64}(?![0-9a-z])/.test(text.slice(macAt + 13, macAt + 13 + 65)))
        return undefined;
    const head = text.slice(at, macAt);
    const lines = /Private-Lines: \d{1,3}/.exec(head);
    if (!lines)
        return undefined;
    const rest = head.slice(lines.index + lines[0].length);
    const parsed = armoredBody(rest, false);
    if (!parsed)
        return undefined;
    const label = m[1] === 'none' ? 'PuTTY private key' : 'encrypted PuTTY private key';
    return { start: at, end: macAt, label, body: parsed.body };
}
function toHit(block) {
    if (!block)
        return undefined;
    const hit = judge(block.body, block.body, block.start, {
        label: block.label,
        verify: () => block.problem,
    });
    if (hit)
        hit.end = Math.max(hit.end, block.end);
    return hit;
}
const LEADING = /^\s*/;
const TRAILING = /\s*$/y;
/** A line of a doc comment (`/** ... *\/`, JSDoc): whitespace, then `*`, then not `/`. */
const DOC_COMMENT_LINE = /^[ \t]*\*(?!\/)/;
/** Whether the line the key starts on is a doc-comment line: an `@example` in a bundled SDK. */
function inDocComment(text, start) {
    const line = text.lastIndexOf('\n', start - 1) + 1;
    return DOC_COMMENT_LINE.test(text.slice(line, Math.min(start, line + 200)));
}
/**
 * A key string in documentation or test code is most often an example or a test key: a
 * warning. A key file stays an error wherever it is: named as one, or holding only the key.
 */
function placed(hit, text, file) {
    if (!hit || hit.unverified || isKeyFile(file))
        return hit;
    TRAILING.lastIndex = hit.end;
    if (LEADING.exec(text)[0].length === hit.start && TRAILING.test(text))
        return hit;
    const where = docsOrTests(file) ?? (inDocComment(text, hit.start) ? 'a doc comment' : undefined);
    if (!where)
        return hit;
    const why = `a key string in ${where}: a warning, as such keys are most often examples or test keys (a key file is an error wherever it is)`;
    return { ...hit, severity: 'warning', why };
}
const private_key_pem = (label, body, nl = '\n') => [`-----BEGIN ${label}-----`, ...(body.match(/.{1,64}/g) ?? []), `-----END ${label}-----`].join(nl) + nl;
const stripArmor = (p) => p.replace(/-----[A-Z ]+-----|\s/g, '');
/** Private keys in PEM, OpenSSH, PGP armor or PuTTY format, with a real base64 body. */
const privateKey = defineDetector({
    id: 'secret/private-key',
    title: 'private key',
    provider: 'generic',
    description: 'A private key block (PEM: RSA, EC, DSA, PKCS#8, encrypted; OpenSSH `openssh-key-v1` (ed25519, RSA, ECDSA); PGP; PuTTY .ppk) with a real key body.',
    priority: PRIORITY.generic,
    keywords: ['-----begin ', 'putty-user-key-file-'],
    judged: 'a warning when the key is a string inside documentation (`*.md`, `*.markdown`, `*.rst`, `*.txt`, `*.adoc`, files under `docs/` or `doc/`) or test code (files under `test/`, `tests/`, `__tests__/`, `spec/`, `specs/`, `fixtures/`, `__fixtures__/` at any depth, `*.test.*` and `*.spec.*` scripts), or on a doc-comment line (` * ` inside `/** ... */`, as a JSDoc `@example` in a bundled SDK): such keys are most often examples and test keys. A key in a `//` comment stays an error: commented-out code still ships the key. A key file stays an error wherever it is: named as one (`*.pem`, `*.key`, `*.ppk`, `*.p8`, `*.asc`, `id_rsa`, `id_ed25519`, ...) or holding nothing but the key.',
    find(text, at, ctx) {
        const block = text[at] === '-' ? readPemKey(text, at, ctx) : readPutty(text, at, ctx);
        return placed(toHit(block), text, ctx.file);
    },
    samples: {
        match: () => {
            const rsa = (0,external_node_crypto_.generateKeyPairSync)('rsa', { modulusLength: 1024 }).privateKey;
            const ec = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'P-256' }).privateKey;
            const ed = (0,external_node_crypto_.generateKeyPairSync)('ed25519').privateKey;
            const pkcs1 = rsa.export({ type: 'pkcs1', format: 'pem' }).toString();
            const pgp = Buffer.concat([Buffer.from([0x95, 0x01, 0xd8, 0x04]), (0,external_node_crypto_.randomBytes)(400)]);
            const b64 = fake(400, B64, 'ppk-1');
            return [
                pkcs1,
                ec.export({ type: 'sec1', format: 'pem' }).toString(),
                ed.export({ type: 'pkcs8', format: 'pem' }).toString(),
                rsa
                    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' })
                    .toString(),
                // what ssh-keygen writes: its AAAA runs are length fields, not a placeholder
                sshPrivateKey('ed25519'),
                sshPrivateKey('rsa'),
                sshPrivateKey('ed25519', 'passphrase-1'),
                `const deployKey = ${JSON.stringify(sshPrivateKey('ed25519'))}`,
                private_key_pem('PGP PRIVATE KEY BLOCK', `Version: GnuPG v2\n\n${pgp.toString('base64')}\n=AbCd`),
                // inside a JSON or JS string, with escaped line breaks
                `const key = "${pkcs1.trim().split('\n').join('\\n')}\\n";`,
                // one line, as pasted into an environment variable
                `KEY="${pkcs1.trim().split('\n').join(' ')}"`,
                [
                    'PuTTY-User-Key-File-2: ssh-rsa',
                    'Encryption: none',
                    'Comment: rsa-key',
                    'Public-Lines: 1',
                    fake(64, B64, 'ppk-2'),
                    'Private-Lines: 7',
                    ...(b64.match(/.{1,64}/g) ?? []),
                    `Private-MAC: ${fake(40, HEX, 'ppk-3')}`,
                ].join('\r\n'),
            ];
        },
        noMatch: () => [
            '-----BEGIN RSA PRIVATE KEY-----',
            'if (pem.startsWith("-----BEGIN RSA PRIVATE KEY-----")) type = "pkcs1"',
            '-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n',
            '-----BEGIN PRIVATE KEY-----\n<your private key>\n-----END PRIVATE KEY-----',
            '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
            `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n${'A'.repeat(20)}==\n-----END PRIVATE KEY-----`,
            '-----BEGIN PRIVATE KEY-----\nMIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEA\n-----END PRIVATE KEY-----',
            'const HEADER = /-----BEGIN ([A-Z ]+)-----\\n([A-Za-z0-9+/=\\n]+)-----END \\1-----/',
            '-----BEGIN PUBLIC KEY-----\n' + fake(200, B64, 'pub-1') + '\n-----END PUBLIC KEY-----',
            '-----BEGIN CERTIFICATE-----\n' + fake(600, B64, 'cert-1') + '\n-----END CERTIFICATE-----',
            '-----BEGIN PRIVATE KEY-----\n${PRIVATE_KEY}\n-----END PRIVATE KEY-----',
        ],
        unverified: () => {
            const rsa = (0,external_node_crypto_.generateKeyPairSync)('rsa', { modulusLength: 1024 }).privateKey;
            const der = stripArmor(rsa.export({ type: 'pkcs8', format: 'pem' }).toString());
            const ssh = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), (0,external_node_crypto_.randomBytes)(380)]);
            return [
                // a random base64 body that is not DER, and a truncated key
                private_key_pem('RSA PRIVATE KEY', fake(640, B64, 'rsa-bad')),
                private_key_pem('PRIVATE KEY', der.slice(0, -12)),
                // the OpenSSH magic, then random bytes: no key structure, no matching check numbers
                private_key_pem('OPENSSH PRIVATE KEY', ssh.toString('base64')),
            ];
        },
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/providers-infra.js
/** Cloud and infrastructure, CI/CD and registries, AI providers (issue 15, first group). */
const INFRA_DETECTORS = [];

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/providers-services.js
/** Observability and messaging, payments and SaaS (issue 15, second group). */
const SERVICE_DETECTORS = [];

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/pypi.js


/** `AgEIcHlwaS5vcmc` is the start of the macaroon: version 2, location `pypi.org`. */
const PYPI = 'AgEIcHlwaS5vcmc';
const pypiToken = tokenDetector({
    id: 'secret/pypi-token',
    title: 'PyPI API token',
    provider: 'PyPI',
    description: 'A PyPI API token (`pypi-AgEIcHlwaS5vcmc\u2026`, a macaroon for pypi.org).',
    keywords: [`pypi-${PYPI}`],
    pattern: `${B}pypi-${PYPI}(?<body>[A-Za-z0-9_-]{50,1000})${E}`,
    samples: {
        match: () => [`password = ${['pypi', PYPI + fake(160, B64URL, 'pypi-1')].join('-')}`],
        noMatch: () => [
            `pypi-${PYPI}...`,
            `pypi-${PYPI}` + 'x'.repeat(60),
            'pypi-' + fake(160, B64URL, 'pypi-2'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/sendgrid.js


const sendgridApiKey = tokenDetector({
    id: 'secret/sendgrid-api-key',
    title: 'SendGrid API key',
    provider: 'SendGrid',
    description: 'A SendGrid API key (`SG.` + 22 + `.` + 43 characters).',
    keywords: ['sg.'],
    pattern: `${B}SG\\.[A-Za-z0-9_-]{22}\\.(?<body>[A-Za-z0-9_-]{43})${E}`,
    shown: 3,
    samples: {
        match: () => [['SG', fake(22, B64URL, 'sg-1'), fake(43, B64URL, 'sg-2')].join('.')],
        noMatch: () => [
            'msg.data.length',
            'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            'SENDGRID_API_KEY=SG.<your key>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/shopify.js


const shopify_KINDS = {
    at: 'Shopify Admin API access token',
    ca: 'Shopify custom app access token',
    pa: 'Shopify private app password',
    ss: 'Shopify shared secret',
};
const shopifyToken = tokenDetector({
    id: 'secret/shopify-token',
    title: 'Shopify token',
    provider: 'Shopify',
    description: 'A Shopify access token or shared secret (`shpat_`, `shpca_`, `shppa_`, `shpss_`).',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: `${B}shp(at|ca|pa|ss)_(?<body>[a-fA-F0-9]{32})${E}`,
    label: (m) => shopify_KINDS[m[1]],
    samples: {
        match: () => [['shp' + 'at', fake(32, HEX, 'shp-1')].join('_')],
        noMatch: () => ['shpat_' + '0'.repeat(32), 'shpat_<token>'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/slack.js


/** A number that does not start with 0, like Slack's team and user ids. */
const digits = (n, seed) => fake(1, '123456789', seed) + fake(n - 1, DIGITS, seed);
const slack_KINDS = {
    bot: 'Slack bot token',
    user: 'Slack user token',
    legacy: 'Slack legacy token',
    workspace: 'Slack workspace token',
    config: 'Slack configuration token',
    refresh: 'Slack configuration refresh token',
};
// Token shapes per https://api.slack.com/authentication/token-types: bot `xoxb-<team>-<bot>-<24>`,
// user `xoxp-<team>-<user>-<id>-<32 hex>`, legacy `xoxs-`/`xoxo-`, workspace `xoxa-`/`xoxr-`,
// configuration `xoxe.xoxp-1-<163+>` and its refresh token `xoxe-1-<146>`.
const slackToken = tokenDetector({
    id: 'secret/slack-token',
    title: 'Slack token',
    provider: 'Slack',
    description: 'A Slack bot, user, workspace, legacy or configuration token (`xoxb-`, `xoxp-` \u2026).',
    keywords: ['xoxb-', 'xoxp-', 'xoxe-', 'xoxe.', 'xoxa-', 'xoxr-', 'xoxo-', 'xoxs-'],
    pattern: `${B}xox(?:` +
        [
            'b-[0-9]{8,14}-(?:[0-9]{8,14}-)?(?<bot>[A-Za-z0-9]{18,34})',
            '[pe](?:-[0-9]{10,13}){3}-(?<user>[A-Za-z0-9]{28,34})',
            '[os](?:-[0-9]{1,13}){3}-(?<legacy>[a-fA-F0-9]{10,64})',
            '[ar]-(?:[0-9]-)?(?<workspace>[0-9A-Za-z]{20,150})',
            'e\\.xox[bp]-[0-9]-(?<config>[A-Za-z0-9]{163,166})',
            'e-[0-9]-(?<refresh>[A-Za-z0-9]{146})',
        ].join('|') +
        `)${E}`,
    label: (m) => slack_KINDS[Object.keys(slack_KINDS).find((k) => m.groups?.[k] !== undefined) ?? 'bot'],
    samples: {
        match: () => [
            ['xoxb', digits(12, 'sl-1'), digits(13, 'sl-2'), fake(24, ALNUM, 'sl-3')].join('-'),
            `token: "${['xoxp', digits(12, 'sl-4'), digits(12, 'sl-5'), digits(12, 'sl-6'), fake(32, HEX, 'sl-7')].join('-')}"`,
            [
                'xoxs',
                digits(10, 'sl-8'),
                digits(10, 'sl-9'),
                digits(10, 'sl-10'),
                fake(10, HEX, 'sl-11'),
            ].join('-'),
            ['xoxe.xoxp', '1', fake(163, ALNUM, 'sl-12')].join('-'),
            ['xoxe', '1', fake(146, ALNUM, 'sl-13')].join('-'),
        ],
        noMatch: () => [
            'xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx',
            'xoxb-12345-abcd234',
            'xoxb-xoxb-my-bot-token',
            'xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d',
            'xoxp-' + ['0'.repeat(12), '0'.repeat(12), '0'.repeat(12), '0'.repeat(32)].join('-'),
            'xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere',
            'https://github.com/xoxa-nyc/xoxa-nyc.github.io/blob/master/README.md',
            'SLACK_BOT_TOKEN=xoxb-your-bot-token',
        ],
    },
});
const slackAppToken = tokenDetector({
    id: 'secret/slack-app-token',
    title: 'Slack app-level token',
    provider: 'Slack',
    description: 'A Slack app-level token (`xapp-`).',
    keywords: ['xapp-'],
    pattern: `${B}xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-(?<body>[a-f0-9]{64})${E}`,
    samples: {
        match: () => [
            [
                'xapp',
                '1',
                'A' + fake(10, UPPER + DIGITS, 'sla-1'),
                digits(13, 'sla-2'),
                fake(64, HEX, 'sla-3'),
            ].join('-'),
            // real bodies have runs now and then: judged whole, such a body is still random
            [
                'xapp',
                '1',
                'A' + fake(10, UPPER + DIGITS, 'sla-4'),
                digits(13, 'sla-5'),
                fake(24, HEX, 'sla-6') + '0'.repeat(8) + fake(20, HEX, 'sla-7') + '12345678' + 'abcd',
            ].join('-'),
        ],
        noMatch: () => [
            'xapp-1-XXXXXXXXXXX-0000000000000-' + 'x'.repeat(64),
            'SLACK_APP_TOKEN=xapp-...',
        ],
    },
});
const slackWebhook = tokenDetector({
    id: 'secret/slack-webhook',
    title: 'Slack incoming webhook URL',
    provider: 'Slack',
    description: 'A Slack incoming webhook or workflow trigger URL (`hooks.slack.com/\u2026`).',
    keywords: ['hooks.slack.com/'],
    pattern: boundary('A-Za-z0-9.-') +
        'hooks\\.slack\\.com/(?:' +
        [
            'services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/(?<service>[A-Za-z0-9]{24})',
            'workflows/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{17,20}/(?<workflow>[A-Za-z0-9]{32})',
            'triggers/T[A-Z0-9]{8,12}/[0-9]{10,14}/(?<trigger>[a-f0-9]{32})',
        ].join('|') +
        `)${E}`,
    samples: {
        match: () => [
            `https://hooks.slack.com/services/T${fake(8, UPPER + DIGITS, 'slw-1')}/B${fake(10, UPPER + DIGITS, 'slw-2')}/${fake(24, ALNUM, 'slw-3')}`,
            `https://hooks.slack.com/services/T${fake(8, UPPER + DIGITS, 'slw-4')}/B${fake(10, UPPER + DIGITS, 'slw-5')}/${fake(9, ALNUM, 'slw-6')}${'A'.repeat(6)}${fake(9, ALNUM, 'slw-7')}`,
            `https://hooks.slack.com/services/T${fake(8, UPPER + DIGITS, 'slw-8')}/B${fake(10, UPPER + DIGITS, 'slw-9')}/${fake(8, ALNUM, 'slw-10')}123456789${fake(7, ALNUM, 'slw-11')}`,
        ],
        noMatch: () => [
            'https://hooks.slack.com/services/T00000000/B00000000/' + 'X'.repeat(24),
            'https://hooks.slack.com/services/YOUR/WEBHOOK/URL',
            'const SLACK = "https://hooks.slack.com/services/"',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/stripe.js


/** Live-mode keys only: `sk_test_` keys reach no money and are published in docs and tests. */
const stripeSecretKey = tokenDetector({
    id: 'secret/stripe-secret-key',
    title: 'Stripe live secret key',
    provider: 'Stripe',
    description: 'A Stripe live-mode secret or restricted key (`sk_live_`, `rk_live_`).',
    keywords: ['sk_live_', 'rk_live_'],
    pattern: `${B}([sr])k_live_(?<body>[A-Za-z0-9]{24,247})${E}`,
    label: (m) => (m[1] === 'r' ? 'Stripe live restricted key' : 'Stripe live secret key'),
    samples: {
        match: () => [
            ['sk', 'live', fake(24, ALNUM, 'stripe-1')].join('_'),
            `Stripe("${['rk', 'live', '51' + fake(97, ALNUM, 'stripe-2')].join('_')}")`,
        ],
        noMatch: () => [
            'const PREFIX = "sk_live_"',
            ['sk', 'test', fake(24, ALNUM, 'stripe-3')].join('_'),
            ['pk', 'live', fake(24, ALNUM, 'stripe-4')].join('_'),
            'sk_live_' + 'x'.repeat(24),
            'sk_live_yourSecretKeyGoesHere00000',
            'if (key.startsWith("sk_live_") && !isProd) warn()',
        ],
    },
});
const stripeWebhookSecret = tokenDetector({
    id: 'secret/stripe-webhook-secret',
    title: 'Stripe webhook signing secret',
    provider: 'Stripe',
    description: 'A Stripe webhook signing secret (`whsec_`).',
    keywords: ['whsec_'],
    pattern: `${B}whsec_(?<body>[A-Za-z0-9+/]{32,88})={0,2}(?![A-Za-z0-9+/=_-])`,
    samples: {
        match: () => [`STRIPE_WEBHOOK_SECRET=${['whsec', fake(32, ALNUM, 'whsec-1')].join('_')}`],
        noMatch: () => ['whsec_...', 'whsec_' + 'x'.repeat(32), 'const p = "whsec_"'],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/supabase.js


/**
 * A JWT with `role: service_role` bypasses row-level security on a Supabase project: it must
 * never ship. The Supabase CLI's local demo keys (issuer `supabase-demo`) are documented.
 */
const supabaseServiceRoleKey = defineDetector({
    id: 'secret/supabase-service-role-key',
    title: 'Supabase service_role key',
    provider: 'Supabase',
    description: 'A Supabase `service_role` key (a JWT that bypasses row-level security).',
    priority: PRIORITY.token,
    keywords: ['eyj'],
    find(text, at, ctx) {
        const t = ctx.memo('jwt', at, () => readJwt(text, at));
        if (!t || t.payload.role !== 'service_role' || t.payload.iss === 'supabase-demo')
            return undefined;
        if (t.alg.toLowerCase() === 'none' || t.signature.length < 16)
            return undefined;
        return hitOf(t, 'Supabase service_role key');
    },
    samples: {
        match: () => [
            `createClient(url, "${token({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role', iat: 1700000000, exp: 2015576000 }, 'sb-1')}")`,
        ],
        noMatch: () => [
            token({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase-demo', role: 'service_role', exp: 1983812996 }, 'sb-2'),
            token({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', role: 'anon', exp: 2015576000 }, 'sb-3'),
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/telegram.js




const TOKEN = new RegExp(`(?<![0-9])[0-9]{8,10}:AA(?<body>[A-Za-z0-9_-]{33})${E}`, 'y');
/** `<bot id>:AA<33>`: found at `:AA`, matched from the start of the digits before it. */
const telegramBotToken = defineDetector({
    id: 'secret/telegram-bot-token',
    title: 'Telegram bot token',
    provider: 'Telegram',
    description: 'A Telegram bot token (`<bot id>:AA\u2026`).',
    priority: PRIORITY.token,
    keywords: [':aa'],
    find(text, at) {
        if (!text.startsWith(':AA', at))
            return undefined;
        let start = at;
        while (start > 0 &&
            at - start < 11 &&
            text.charCodeAt(start - 1) >= 48 &&
            text.charCodeAt(start - 1) <= 57)
            start--;
        const m = (0,context/* matchAt */.pF)(TOKEN, text, start);
        return m ? judge(m[0], m.groups.body, start) : undefined;
    },
    samples: {
        match: () => [
            `https://api.telegram.org/bot${fake(1, '123456789', 'tg-1')}${fake(9, DIGITS, 'tg-2')}:AA${fake(33, B64URL, 'tg-3')}/sendMessage`,
        ],
        noMatch: () => [
            'x?a:aa',
            'TELEGRAM_TOKEN=123456789:AA' + 'x'.repeat(33),
            '123:AA' + fake(33, B64URL, 'tg-4'),
            'TELEGRAM_TOKEN=<bot-id>:AA<secret>',
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/twilio.js






// A Twilio SID (`AC\u2026` account, `SK\u2026` API key) is an identifier; the secret is the auth token or
// API key secret next to it, which has no prefix. Both are looked for near the word "twilio",
// where a SID is, and must be bound to it: named as Twilio names it (`authToken`,
// `TWILIO_AUTH_TOKEN`, `apiSecret`) or the next item after the SID (`twilio("AC\u2026", "\u2026")`).
// Mailgun (`key-` + 32 hex) and Mailchimp (32 hex + `-us12`) keys nearby are not Twilio's.
const START = boundary('A-Za-z0-9');
const SID = new RegExp(`${START}(AC|SK)([0-9a-f]{32})(?![A-Za-z0-9])`, 'g');
const HEX32 = new RegExp(`${START}[0-9a-f]{32}(?![A-Za-z0-9])`, 'g');
const ALNUM32 = new RegExp(`${START}[A-Za-z0-9]{32}(?![A-Za-z0-9])`, 'g');
const NEAR = { keywords: ['twilio'], before: 512, after: 512 };
const AUTH_TOKEN_NAME = /^(?:twilio)?(?:account)?(?:auth)?token$/;
const API_SECRET_NAME = /^(?:twilio)?(?:api)?(?:key)?secret$/;
const afterSid = {
    AC: nextAfter(`${START}AC[0-9a-f]{32}`, 34),
    SK: nextAfter(`${START}SK[0-9a-f]{32}`, 34),
};
function secretsNear(kind, re, names, keep) {
    return (text, from, to) => {
        const sids = (0,context/* matchesIn */.XJ)(SID, text, from, to);
        if (!sids.some((m) => m[1] === kind && !doubt(m[2])))
            return [];
        const bound = (at) => afterSid[kind](text, at) || names.test(nameOf(text, at) ?? '');
        return (0,context/* matchesIn */.XJ)(re, text, from, to).flatMap((m) => (keep(m[0]) && bound(m.index) && judge(m[0], m[0], m.index)) || []);
    };
}
const sid = (kind, seed) => kind + fake(32, HEX, seed);
const twilioAuthToken = defineDetector({
    id: 'secret/twilio-auth-token',
    title: 'Twilio auth token',
    provider: 'Twilio',
    description: 'A Twilio auth token (32 hex characters) near a Twilio account SID (`AC\u2026`), named as one (`authToken`, `TWILIO_AUTH_TOKEN`) or the next item after the SID.',
    priority: PRIORITY.token,
    near: { ...NEAR, find: secretsNear('AC', HEX32, AUTH_TOKEN_NAME, () => true) },
    samples: {
        match: () => [
            `TWILIO_ACCOUNT_SID=${sid('A' + 'C', 'tw-1')}\nTWILIO_AUTH_TOKEN=${fake(32, HEX, 'tw-2')}\n`,
            `const client = require('twilio')('${sid('A' + 'C', 'tw-3')}', '${fake(32, HEX, 'tw-4')}')`,
        ],
        noMatch: () => [
            `TWILIO_ACCOUNT_SID=${sid('A' + 'C', 'tw-5')}\nTWILIO_AUTH_TOKEN=your_auth_token\n`,
            "const client = require('twilio')(process.env.TWILIO_SID, process.env.TWILIO_TOKEN)",
            `TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nTWILIO_AUTH_TOKEN=${'0'.repeat(32)}`,
            // a hash near the word twilio, without a SID
            `twilio@4.0.0 integrity md5-${fake(32, HEX, 'tw-6')}`,
            // other providers' keys beside a Twilio SID
            `TWILIO_ACCOUNT_SID=${sid('A' + 'C', 'tw-10')}\nMAILGUN_API_KEY=key-${fake(32, HEX, 'tw-11')}\nMAILCHIMP_API_KEY=${fake(32, HEX, 'tw-12')}-us12\n`,
            `const twilio = { sid: "${sid('A' + 'C', 'tw-13')}" }, mailgun = { key: "${fake(32, HEX, 'tw-14')}" }`,
        ],
    },
});
const twilioApiKey = defineDetector({
    id: 'secret/twilio-api-key',
    title: 'Twilio API key secret',
    provider: 'Twilio',
    description: 'A Twilio API key secret (32 characters) near a Twilio API key SID (`SK\u2026`), named as one (`apiSecret`, `TWILIO_API_SECRET`) or the next item after the SID.',
    priority: PRIORITY.token,
    near: {
        ...NEAR,
        find: secretsNear('SK', ALNUM32, API_SECRET_NAME, (s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s)),
    },
    samples: {
        match: () => [
            `twilio(${JSON.stringify(sid('S' + 'K', 'tw-7'))}, ${JSON.stringify(fake(32, ALNUM, 'tw-8'))}, { accountSid })`,
            `twilio:\n  apiKey: ${sid('S' + 'K', 'tw-15')}\n  apiSecret: ${fake(32, ALNUM, 'tw-16')}\n`,
        ],
        noMatch: () => [
            `twilio(${JSON.stringify(sid('S' + 'K', 'tw-9'))}, apiSecret, { accountSid })`,
            `twilio:\n  apiKey: ${sid('S' + 'K', 'tw-17')}\nalgolia:\n  adminKey: ${fake(32, ALNUM, 'tw-18')}\n`,
        ],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/url-credentials.js





const DATABASE_SCHEMES = new Set([
    'postgres',
    'postgresql',
    'mysql',
    'mariadb',
    'mongodb',
    'mongodb+srv',
    'redis',
    'rediss',
    'amqp',
    'amqps',
    'mssql',
    'sqlserver',
    'oracle',
    'cockroachdb',
    'clickhouse',
    'couchdb',
    'neo4j',
    'neo4j+s',
    'bolt',
    'memcached',
    'cassandra',
]);
const SCHEME = /(?:\\[nrt]|^|[^A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,19})$/;
// user ':' password '@' host, after `://`. The password allows what RFC 3986 allows unencoded
// plus %XX escapes: no quotes, braces, angle brackets or `/`, so code that builds a URL
// (`"://" + user + ":"`), templates (`${PASS}`, `{{pass}}`, `<password>`) and regexes never match.
const CREDENTIALS = /(?<user>[A-Za-z0-9._~%+-]{0,128}):(?<password>(?:[A-Za-z0-9._~!$&*+,;=-]|%[0-9A-Fa-f]{2}){1,256})@(?<host>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,10}|\[[0-9A-Fa-f:.]{2,45}\])(?![A-Za-z0-9.-]{0,253}@)/y;
const DEFAULTS = new Set('password passwd pass pwd pass123 password1 secret admin root guest user username demo default letmein qwerty changeit postgres mysql redis mongo mongodb rabbitmq sa oracle neo4j token apikey'.split(' '));
const PLACEHOLDER = /passw|secret|example|your|xxx|changeme|placeholder|redacted|\*\*\*/i;
/** Names reserved for examples (RFC 2606, RFC 6761): `example.com/.net/.org`, `*.example`, `*.test`, `*.invalid`. */
const EXAMPLE_HOST = /(?:^|\.)example\.(?:com|net|org)$|\.(?:example|test|invalid)$/i;
/** This machine only: `localhost`, `*.localhost`, 127.0.0.0/8, `[::1]`. */
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$|\.localhost$/i;
/**
 * What must follow `://` for CREDENTIALS to match there (user, `:`, password characters, `@`):
 * URLs are everywhere in code, and this keeps the scanner from stopping at each one.
 */
const GUARDS = { '://': '[A-Za-z0-9._~%+-]{0,128}:[A-Za-z0-9._~!$&*+,;=%-]{1,768}@' };
/** How both URL rules judge a password in documentation, for docs/rules.md. */
const IN_DOCS = 'a warning inside documentation (`*.md`, `*.markdown`, `*.rst`, `*.txt`, `*.adoc`, files under `docs/` or `doc/`): a URL there is most often a connection example.';
/** Both rules ask about the same `://`: the second gets the first one's answer. */
const credentials = (text, at, ctx) => ctx.memo('url-credentials', at, () => inDocs(judgeUrl(text, at), ctx.file));
/**
 * A password in a URL inside documentation (a README's connection example) is a warning: it
 * has no provider format to tell a real one from an example, and what a README shows is almost
 * always an example.
 */
function inDocs(found, file) {
    if (!found || found.hit.unverified || docsOrTests(file) !== 'documentation')
        return found;
    const why = 'a URL in documentation: a warning, as such URLs are most often examples';
    return { ...found, hit: { ...found.hit, severity: 'warning', why } };
}
function judgeUrl(text, at) {
    const m = (0,context/* matchAt */.pF)(CREDENTIALS, text, at + 3);
    if (!m)
        return undefined;
    const scheme = SCHEME.exec(text.slice(Math.max(0, at - 21), at));
    if (!scheme)
        return undefined;
    const { user, password, host } = m.groups;
    const decoded = password.replace(/%([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
    if (decoded.length < 6 ||
        decoded.toLowerCase() === user.toLowerCase() ||
        DEFAULTS.has(decoded.toLowerCase()) ||
        PLACEHOLDER.test(decoded) ||
        decoded.startsWith('$') ||
        EXAMPLE_HOST.test(host))
        return undefined;
    const start = at + 3 + user.length + 1;
    const hit = judge(password, password, start, {
        verify: () => (LOCAL_HOST.test(host) ? 'a local development host' : undefined),
    });
    return hit && { hit, database: DATABASE_SCHEMES.has(scheme[1].toLowerCase()) };
}
const pw = (seed) => fake(16, ALNUM, seed);
/** `postgres://user:password@host` and other database URLs with a password in them. */
const databaseUrl = defineDetector({
    id: 'secret/database-url',
    title: 'password in a database URL',
    provider: 'generic',
    description: 'A database or broker URL with an embedded password (`postgres://`, `mysql://`, `mongodb+srv://`, `redis://`, `amqp://` \u2026) on a real host: any but `localhost`, `127.0.0.0/8`, `[::1]` and `*.localhost` (unverified) and the reserved example names `example.com/.net/.org`, `*.example`, `*.test`, `*.invalid`; `db`, `*.local` and `*.internal` are real.',
    priority: PRIORITY.generic,
    judged: IN_DOCS,
    keywords: ['://'],
    guards: GUARDS,
    find(text, at, ctx) {
        const found = credentials(text, at, ctx);
        return found?.database ? found.hit : undefined;
    },
    samples: {
        match: () => [
            `DATABASE_URL=postgres://app:${pw('db-1')}@db.prod.acme.io:5432/app`,
            `mongoose.connect("mongodb+srv://svc:${pw('db-2')}@cluster0.ab1cd.mongodb.net/app")`,
            `redis://:${pw('db-3')}@cache.acme.io:6379`,
            `jdbc:mysql://root:${pw('db-4')}@10.0.4.12:3306/shop`,
            // internal, one-word and mDNS hosts are real hosts
            `postgres://orders:${pw('db-7')}@orders-db.prod.acme.internal:5432/orders`,
            `DATABASE_URL=postgres://app:${pw('db-8')}@db:5432/app`,
            `mongodb://admin:${pw('db-9')}@postgres/admin`,
            `redis://:${pw('db-10')}@cache.local:6379`,
            `amqp://svc:${pw('db-11')}@host.docker.internal:5672`,
        ],
        noMatch: () => [
            'postgres://user:password@localhost:5432/db',
            'postgres://postgres:postgres@db:5432/postgres',
            'mongodb://localhost:27017/test',
            'DATABASE_URL=postgres://${DB_USER}:${DB_PASS}@${DB_HOST}/app',
            'mysql://user:<password>@host/db',
            'postgresql://{{user}}:{{password}}@{{host}}/db',
            'amqp://guest:guest@localhost:5672',
            'const url = "postgres://" + user + ":" + pass + "@" + host',
            `postgres://app:${pw('db-5')}@db.example.com/app`,
            'redis://:$REDIS_PASSWORD@cache:6379',
            'postgres://app:%s@%s/app',
            // reserved example names, and default passwords on any host
            `postgres://app:${pw('db-12')}@db.example:5432/app`,
            `mysql://app:${pw('db-13')}@mysql.test/app`,
            `redis://:${pw('db-14')}@cache.invalid:6379`,
            'postgres://postgres:postgres@orders-db.prod.acme.internal/app',
            'mysql://root:changeme@db/app',
        ],
        unverified: () => [
            `postgres://app:${pw('db-6')}@localhost:5432/app`,
            `postgres://app:${pw('db-15')}@127.0.0.2:5432/app`,
            `redis://:${pw('db-16')}@[::1]:6379`,
            `mongodb://app:${pw('db-17')}@api.localhost/app`,
        ],
    },
});
/** `https://user:password@host` and other URLs with a password in them. */
const urlCredentials = defineDetector({
    id: 'secret/url-credentials',
    title: 'password in a URL',
    provider: 'generic',
    description: 'A URL with an embedded password (`https://user:password@host`, `ftp://`, `smtp://` \u2026) on a real host, judged as for `secret/database-url`.',
    priority: PRIORITY.generic,
    judged: IN_DOCS,
    keywords: ['://'],
    guards: GUARDS,
    find(text, at, ctx) {
        const found = credentials(text, at, ctx);
        return found && !found.database ? found.hit : undefined;
    },
    samples: {
        match: () => [
            `registry=https://deploy:${pw('url-1')}@npm.acme.io/`,
            `smtp://mailer:${pw('url-2')}@smtp.acme.io:587`,
            `https://deploy:${pw('url-3')}@nexus.corp.internal/repository/npm/`,
        ],
        noMatch: () => [
            'https://user:pass@example.com/',
            'https://username:password@github.com/o/r.git',
            'git+ssh://git@github.com:org/repo.git',
            'https://cdn.acme.io:8443/a@b',
            'https://x-access-token:${TOKEN}@github.com/o/r.git',
            'const re = /^(\\w+):\\/\\/([^:]+):([^@]+)@/',
            'new RegExp("^https?://([^:]+):([^@]+)@")',
            'http://localhost:3000/@fs/src/main.ts',
            `https://deploy:${pw('url-4')}@registry.example.org/`,
        ],
        unverified: () => [`http://admin:${pw('url-5')}@localhost:8080/`],
    },
});

;// CONCATENATED MODULE: ./build/src/rules/secrets/detectors/index.js




























/** Every secret detector, one rule id each, in the order docs/rules.md lists them. */
const DETECTORS = [
    githubToken,
    githubFineGrainedToken,
    npmToken,
    awsAccessKeyId,
    awsSecretAccessKey,
    googleApiKey,
    googleOauthClientSecret,
    googleServiceAccount,
    slackToken,
    slackAppToken,
    slackWebhook,
    stripeSecretKey,
    stripeWebhookSecret,
    anthropicApiKey,
    anthropicAdminKey,
    openaiApiKey,
    huggingfaceToken,
    gitlabToken,
    gitlabRunnerToken,
    pypiToken,
    dockerhubToken,
    twilioAuthToken,
    twilioApiKey,
    sendgridApiKey,
    discordBotToken,
    discordWebhook,
    telegramBotToken,
    azureStorageKey,
    azureSharedAccessKey,
    shopifyToken,
    digitaloceanToken,
    postmanApiKey,
    ageSecretKey,
    supabaseServiceRoleKey,
    ...INFRA_DETECTORS,
    ...SERVICE_DETECTORS,
    jwt,
    privateKey,
    kubeconfigClientKey,
    databaseUrl,
    urlCredentials,
];


/***/ }),

/***/ 213:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ isPrintable),
/* harmony export */   Go: () => (/* binding */ isBinary),
/* harmony export */   UK: () => (/* binding */ printableRuns)
/* harmony export */ });
/** Whether bytes are binary: a NUL byte in the first 8 KB (as git and grep decide). */
function isBinary(content) {
    return content.subarray(0, 8192).includes(0);
}
/** The bytes `printableRuns` keeps: printable ASCII, tab and line breaks (one test, two forms). */
const PRINTABLE = '[\\t\\n\\r\\x20-\\x7e]';
function isPrintable(b) {
    return (b >= 0x20 && b <= 0x7e) || b === 0x09 || b === 0x0a || b === 0x0d;
}
/**
 * The printable-ASCII runs (tab and line breaks included, so a PEM block stays whole) of at
 * least `min` bytes, as a latin1 string as long as the file with every other byte blanked to
 * NUL but line feeds: each run keeps its offset and line, so lines and columns are those of the
 * file (counted as a streamed file's are, by every line feed).
 */
function printableRuns(content, min = 8) {
    // The regex engine finds the runs (a per-byte loop in JS is ten times slower on a 20 MB addon).
    const runs = new RegExp(`${PRINTABLE}{${min},}`, 'g');
    const text = content.toString('latin1');
    const out = Buffer.alloc(content.length);
    for (let i = content.indexOf(0x0a); i >= 0; i = content.indexOf(0x0a, i + 1))
        out[i] = 0x0a;
    for (let m = runs.exec(text); m; m = runs.exec(text))
        content.copy(out, m.index, m.index, m.index + m[0].length);
    return out.toString('latin1');
}


/***/ }),

/***/ 3721:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jv: () => (/* binding */ ScanContext),
/* harmony export */   XJ: () => (/* binding */ matchesIn),
/* harmony export */   pF: () => (/* binding */ matchAt)
/* harmony export */ });
/**
 * Per-text scan state shared by detectors. Keyword hits arrive in increasing order, so a
 * forward search for a closing marker (`-----END `) can be reused by every later hit before
 * the marker: each marker is searched for once per text instead of once per hit, which keeps
 * a text of a million headers without a footer linear.
 */
class ScanContext {
    text;
    file;
    found = new Map();
    memos = new Map();
    /** `file` is the path being scanned, for detectors that judge a hit by its place. */
    constructor(text, file) {
        this.text = text;
        this.file = file;
    }
    /** `text.indexOf(needle, from)`, answered from the previous search when it still applies. */
    nextIndexOf(needle, from) {
        const prev = this.found.get(needle);
        if (prev && prev.from <= from && (prev.at === -1 || prev.at >= from))
            return prev.at;
        const at = this.text.indexOf(needle, from);
        this.found.set(needle, { from, at });
        return at;
    }
    /** The last value computed under `key` for offset `at`, so detectors sharing a keyword share work. */
    memo(key, at, compute) {
        const prev = this.memos.get(key);
        if (prev && prev.at === at)
            return prev.value;
        const value = compute();
        this.memos.set(key, { at, value });
        return value;
    }
}
/** Runs a sticky regex at `at`; undefined when it does not match exactly there. */
function matchAt(re, text, at) {
    re.lastIndex = at;
    return re.exec(text) ?? undefined;
}
/**
 * Every match of a global regex that lies inside `text[from, to)`. One character either side is
 * kept so lookarounds see the real neighbours; a match running past the window is dropped.
 */
function matchesIn(re, text, from, to) {
    const out = [];
    const base = Math.max(0, from - 1);
    const part = text.slice(base, Math.min(text.length, to + 1));
    re.lastIndex = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
        if (m[0].length === 0)
            re.lastIndex++;
        m.index += base;
        if (m.index >= from && m.index + m[0].length <= to)
            out.push(m);
    }
    return out;
}


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   LR: () => (/* binding */ secretHash)
/* harmony export */ });
/* unused harmony export EVIDENCE_SALT */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);

/**
 * A fixed packguard constant, not a secret: it makes the hashes packguard's own (so a hash here
 * cannot be matched against a plain sha256 table) while keeping fingerprints stable across runs.
 */
const EVIDENCE_SALT = 'packguard/secret-evidence/v1';
/** Salted sha256 of a secret, shortened: enough to tell two secrets apart, useless to rebuild one. */
function secretHash(value) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`${EVIDENCE_SALT}\0`)
        .update(value, 'latin1')
        .digest('hex')
        .slice(0, 12);
}
/**
 * What a report may show of a secret: at most its public prefix (4 characters or fewer), its
 * length and its salted hash, e.g. `ghp_\u2026 (40 chars, sha256:1a2b3c4d5e6f)`.
 */
function redact(value, shown = 0, hash = secretHash(value)) {
    const prefix = value.slice(0, Math.max(0, Math.min(4, shown, value.length - 8)));
    return `${prefix}\u2026 (${value.length} chars, sha256:${hash})`;
}


/***/ }),

/***/ 3491:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yg: () => (/* binding */ UNVERIFIED),
  z1: () => (/* binding */ createScanner)
});

// UNUSED EXPORTS: keywordsOf

// EXTERNAL MODULE: ./build/src/rules/secrets/engine/binary.js
var binary = __nccwpck_require__(213);
// EXTERNAL MODULE: ./build/src/rules/secrets/engine/context.js
var context = __nccwpck_require__(3721);
;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/example-cue.js
/** How far before a secret its sentence is read for a cue. */
const LOOK_BACK = 120;
/** Words that present what follows as a sample of a format. */
const CUE = /(?<![\w$.])(?:e\.g\.|for example|for instance|such as|examples?|like|format)(?![\w$])/gi;
/** The end of a line, a statement or a sentence: a cue before it is about something else. */
const BREAK = /[.!?](?=\s)|[;\r\n]|\\[nr]/;
/**
 * Whether the text just before a secret presents it as an example of a format: `like`, `e.g.`,
 * `for example`, `for instance`, `such as`, `example`, `format` shortly before it, in the same
 * line and sentence (`Must be in valid uri format like dotenv://:key_1234@\u2026`,
 * `// example: KEY="\u2026"`, `"example": "\u2026"`). A cue word used as code does not count: a call
 * or member (`format(\u2026)`, `x.like`), or a key with a value of its own (`{format: "pem", \u2026}`).
 * Read only at a hit, never per byte.
 */
function presentedAsExample(text, start) {
    const before = text.slice(Math.max(0, start - LOOK_BACK), start);
    let after;
    CUE.lastIndex = 0;
    for (let m = CUE.exec(before); m; m = CUE.exec(before)) {
        const rest = before.slice(m.index + m[0].length);
        // `example` as a key (`"example": "\u2026"`, OpenAPI) presents its value; other cue words as
        // keys are settings, and as prose they are followed by a space
        if (/^example/i.test(m[0]) && /^["'`]?[ \t]*[:=]/.test(rest))
            after = rest;
        else if (/^[:,]?[ \t]/.test(rest) && !/^:[ \t]*["'`{[]/.test(rest))
            after = rest;
    }
    return after !== undefined && !BREAK.test(after);
}
/** Why a hit presented as an example is only reported as unverified. */
const PRESENTED_AS_EXAMPLE = 'presented as an example of its format';

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/simd-tables.js
// Generated by `npm run docs` from the secret detectors' keywords: the buckets of the SIMD
// keyword pass (simd-filter.ts), made ahead because making them takes milliseconds. A test
// fails when this file is out of date.
const SIMD_TABLES = {
    trigrams: [2960685, 2976613, 3105136, 3813167, 3826017, 6382185, 6382435, 6383461, 6383994, 6384489, 6386537, 6579051, 6580595, 6582127, 6582128, 6582130, 6650218, 6776943, 6776944, 6776946, 6776947, 6776949, 6777204, 6777953, 6777955, 6777956, 6777958, 6777961, 6777967, 6777968, 6777970, 6777971, 6778723, 6779441, 6841983, 6844271, 7237741, 7368033, 7370100, 7371120, 7498623, 7562595, 7562610, 7563054, 7563361, 7563376, 7564077, 7564159, 7615330, 7632745, 7825523, 7889264, 7892856],
    tables: '0a3020288402000dc000c000006002800000e0c0000077ea000000000000000002801194000a40a00917003001480044000040800000fd9300000000000000008f898d1d032101004091120400622065000060010000ffff0000000000000000',
};

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/simd-buckets.js
/**
 * How the SIMD keyword pass (simd-filter.ts) groups keywords: each keyword's first three
 * characters go into one of 8 buckets, and per character position two 16-byte tables give, for
 * the low and for the high nibble of a byte, the buckets that accept it.
 */
const BUCKETS = 8;
/**
 * Puts the trigrams into buckets so that few other trigrams pass: those sharing their first two
 * characters stay together; each group goes first to the bucket whose pass rate (in text with
 * the character shares of SHARES) grows least, then groups move while a move lowers the sum.
 */
function tables(trigrams) {
    const byStart = new Map();
    for (const t of trigrams)
        byStart.set(t >>> 8, [...(byStart.get(t >>> 8) ?? []), t]);
    const groups = [...byStart.values()]
        .sort((a, b) => b.length - a.length || a[0] - b[0])
        .map((list) => ({ masks: nibbleMasks(list), bucket: -1 }));
    // Each bucket's nibble masks (the union of its groups'), kept as groups come and go.
    const masks = Array.from({ length: BUCKETS }, () => [0, 0, 0, 0, 0, 0]);
    const union = (a, b) => a.map((m, k) => m | b[k]);
    const without = (g) => groups
        .filter((o) => o !== g && o.bucket === g.bucket)
        .reduce((m, o) => union(m, o.masks), [0, 0, 0, 0, 0, 0]);
    const growth = (g, base) => passRate(union(base, g.masks)) - passRate(base);
    /** The bucket where `g` adds least, and how much it adds there. */
    const cheapest = (g) => {
        let best = 0;
        let least = Infinity;
        for (let b = 0; b < BUCKETS; b++) {
            const x = growth(g, b === g.bucket ? without(g) : masks[b]);
            if (x < least)
                [best, least] = [b, x];
        }
        return { best, least };
    };
    const put = (g, b) => {
        const from = g.bucket;
        g.bucket = b;
        if (from >= 0)
            masks[from] = without({ ...g, bucket: from });
        masks[b] = union(masks[b], g.masks);
    };
    for (const g of groups)
        put(g, cheapest(g).best);
    for (let moved = true, rounds = 0; moved && rounds < 20; rounds++) {
        moved = false;
        for (const g of groups) {
            const { best, least } = cheapest(g);
            if (best !== g.bucket && least < growth(g, without(g)) - 1e-12) {
                put(g, best);
                moved = true;
            }
        }
    }
    const out = new Uint8Array(6 * 16);
    masks.forEach((m, b) => {
        for (let k = 0; k < 6; k++)
            for (let n = 0; n < 16; n++)
                if (m[k] & (1 << n))
                    out[16 * k + n] |= 1 << b;
    });
    return out;
}
/** Per table (position p's low nibbles, then its high ones), the nibbles these trigrams use. */
function nibbleMasks(trigrams) {
    const m = [0, 0, 0, 0, 0, 0];
    for (const t of trigrams)
        for (let p = 0; p < 3; p++) {
            const c = (t >>> (16 - 8 * p)) & 0xff;
            m[2 * p] |= 1 << (c & 15);
            m[2 * p + 1] |= 1 << (c >>> 4);
        }
    return m;
}
/**
 * Rough share of each folded byte in source text: letters as in English, then the space; every
 * other byte alike. Only the bucketing uses it: a wrong guess costs speed, never a keyword.
 */
const SHARES = (() => {
    const shares = new Float64Array(256).fill(0.003);
    const letters = 'etaoinshrdlcumwfgypbvkjxqz';
    const percent = [
        127, 91, 82, 75, 70, 67, 63, 61, 60, 43, 40, 28, 28, 24, 24, 22, 20, 20, 19, 15, 10, 8, 2, 2, 1,
        1,
    ];
    for (let i = 0; i < letters.length; i++)
        shares[letters.charCodeAt(i)] = (percent[i] / 1000) * 0.7;
    shares[0x20] = 0.15;
    return shares;
})();
/** The share of trigrams a bucket with these nibble masks passes (per position, its bytes). */
function passRate(masks) {
    let rate = 1;
    for (let p = 0; p < 3; p++) {
        let share = 0;
        for (let his = masks[2 * p + 1]; his !== 0; his &= his - 1)
            for (let los = masks[2 * p]; los !== 0; los &= los - 1)
                share += SHARES[16 * lowestBit(his) + lowestBit(los)];
        rate *= share;
    }
    return rate;
}
function lowestBit(x) {
    return 31 - Math.clz32(x & -x);
}
/** The text of simd-tables.ts for these trigrams (`npm run docs` writes it; a test compares). */
function renderSimdTables(trigrams) {
    return [
        "// Generated by `npm run docs` from the secret detectors' keywords: the buckets of the SIMD",
        '// keyword pass (simd-filter.ts), made ahead because making them takes milliseconds. A test',
        '// fails when this file is out of date.',
        'export const SIMD_TABLES = {',
        `  trigrams: [${trigrams.join(', ')}],`,
        `  tables: '${Buffer.from(tables(trigrams)).toString('hex')}',`,
        '}',
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/simd-layout.js
/**
 * The memory of the SIMD keyword pass's WebAssembly module, written once for both sides of it:
 * simd-module.wat names these as `{INPUT}`, `{RESULT + 4}`, ... (scripts/assemble-wasm.mjs
 * fills the numbers in), and simd-filter.ts copies the tables and each block in and reads what
 * the module found out at the same places.
 */
/** Bytes scanned per call; the text is copied into the module's memory a block at a time. */
const BLOCK = 256 * 1024;
/** Where the bucket tables go in the module's memory: 6 x 16 bytes (see simd-buckets.ts). */
const TABLES = 0;
/** Where `json` writes what it found: escapes, flags, where the next block's escapes start. */
const RESULT = 96;
/** The block, then zero padding the vector loads may read. */
const INPUT = 1024;
/** One i32 per reported position, at most one per byte. */
const OUTPUT = INPUT + BLOCK + 64;
/** The module's memory, in 64 KiB pages: everything up to the end of OUTPUT. */
const PAGES = Math.ceil((OUTPUT + 4 * BLOCK) / 65536);

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/simd-module.generated.js
// Generated by `node scripts/assemble-wasm.mjs` (npm run build and npm run docs run it) from
// simd-module.wat and simd-layout.ts: the bytes of the SIMD keyword pass, base64. Edit the
// .wat, not this file; a test fails when this file is out of date.
const SIMD_MODULE = 'AGFzbQEAAAABCwJgAX8Bf2ACf38AAwMCAAEFAwEAFQcYAwRzY2FuAAAEanNvbgABBm1lbW9yeQIACu0EArsCAgN/CntBD/0PIQZBIP0PIQdBAP0AAAAhCEEA/QAAECEJQQD9AAAgIQpBAP0AADAhC0EA/QAAQCEMQQD9AABQIQ0CQANAIAEgAE8NASAB/QAAgAggB/1QIQQgCCAEIAb9Tv0OIAkgBEEE/W39Dv1OIQUgAf0AAIEIIAf9UCEEIAogBCAG/U79DiALIARBBP1t/Q79TiAF/U4hBSAB/QAAggggB/1QIQQgDCAEIAb9Tv0OIA0gBEEE/W39Dv1OIAX9TiEFIAX9UwRAIAX9DAAAAAAAAAAAAAAAAAAAAAD9JP1kIQMgACABa0EQSQRAIANBASAAIAFrdEEBa3EhAwsCQANAIANFDQEgAkECdCABIANoajYCwIgQIAJBAWohAiADIANBAWtxIQMMAAsLCyABQRBqIQEMAAsLIAILrQICBn8Ee0HcAP0PIQpBIP0PIQsCQANAIAIgAE8NASAC/QAAgAghCCAIIAv9JiEJIAn9UwRAIAn9ZCEDIAAgAmtBEEkEQCADQQEgACACa3RBAWtxIQMLIAMEQCAGQQFyIQYLCyAIIAr9IyEJIAn9UwRAIAn9ZCEDIAAgAmtBEEkEQCADQQEgACACa3RBAWtxIQMLAkADQCADRQ0BIAIgA2hqIQQgAyADQQFrcSEDIAQgAU8EQCAFQQFqIQUgBEECaiEBIAQtAIEIIQcgB0EiRiAHQdwARnIgB0HiAEZyIAdB5gBGciAHQe4ARnIgB0HyAEZyIAdB9ABGckUEQCAGQQJyIQYLCwwACwsLIAJBEGohAgwACwtBACAFNgJgQQAgBjYCZEEAIAEgAGs2AmgL';

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/simd-filter.js
/**
 * The keyword pass of the secret scanner over long texts, in WebAssembly SIMD: 16 positions at
 * a time, the way Hyperscan's "Teddy" does it. Each keyword's first three characters (folded
 * as KeywordFilter folds them) go into one of 8 buckets; per character position, two 16-byte
 * tables give for the low and for the high nibble of a byte the buckets that accept it, and
 * `i8x16.swizzle` looks up 16 bytes at once. A position is reported when some bucket accepts
 * all three of its bytes. That accepts every keyword start, and some more (a bucket accepts
 * any mix of its keywords' nibbles): KeywordFilter then checks each exactly.
 *
 * Over an embedded source's raw JSON text the same pass also counts and checks its escapes, so
 * that a source with no keyword need not be decoded at all (Scanner.skim).
 *
 * The module is written as text, simd-module.wat; its bytes are assembled ahead into
 * simd-module.generated.ts, so nothing here needs a WebAssembly toolchain. Where WebAssembly or
 * its SIMD is not there, `simdScanner` returns undefined and the plain loop does all the work.
 */





/**
 * A scanner for these folded trigrams (each `(c0 << 16) | (c1 << 8) | c2`, ascending), if the
 * runtime can run it.
 */
function simdScanner(trigrams) {
    const wasm = globalThis.WebAssembly;
    let exports;
    try {
        const module = new wasm.Module(Buffer.from(SIMD_MODULE, 'base64'));
        exports = new wasm.Instance(module).exports;
    }
    catch {
        return undefined; // no WebAssembly, no SIMD, or code generation turned off
    }
    const { memory, scan, json } = exports;
    const bytes = new Uint8Array(memory.buffer);
    // Bucketing takes milliseconds: the detectors' own trigrams have their tables made ahead.
    const ready = trigrams.join() === SIMD_TABLES.trigrams.join();
    bytes.set(ready ? Buffer.from(SIMD_TABLES.tables, 'hex') : tables(trigrams), TABLES);
    const block = Buffer.from(memory.buffer, INPUT, BLOCK + 64);
    const out = new Int32Array(memory.buffer, OUTPUT, BLOCK);
    const result = new Int32Array(memory.buffer, RESULT, 3);
    /**
     * Copies `[from, to)` in a block at a time (with the two characters after each, which end its
     * last trigrams), reports the positions `scan` accepts, then hands the block to `after`.
     */
    const blocks = (input, from, to, found, after) => {
        for (let at = from; at < to; at += BLOCK) {
            const length = Math.min(BLOCK, to - at);
            const end = Math.min(input.length, at + length + 2);
            const copied = typeof input === 'string'
                ? block.write(input.slice(at, end), 0, 'latin1')
                : (block.set(input.subarray(at, end)), end - at);
            block.fill(0, copied, copied + 32);
            const count = scan(length);
            for (let k = 0; k < count; k++)
                found(at + out[k]);
            after?.(length);
        }
    };
    return {
        scan: (input, from, to, found) => blocks(input, from, to, found),
        scanJson(raw, found) {
            let escapes = 0;
            let flags = 0;
            let skip = 0;
            blocks(raw, 0, raw.length, found, (length) => {
                json(length, skip);
                escapes += result[0];
                flags |= result[1];
                skip = Math.max(0, result[2]);
            });
            return { escapes, flags };
        },
    };
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/keyword-filter.js

/**
 * Where keywords may start, found by a plain loop over the text: a bit per possible first three
 * characters (ASCII case folded by setting bit 5) of the keywords. A regex alternating every
 * keyword tries each position in turn and costs about five times more per character here;
 * positions this loop reports are then confirmed by that regex, made sticky, at each of them.
 *
 * Folding sets bit 5 of every character, not only of letters, so other characters can fold onto
 * a keyword's (CR onto `-`): that adds candidates, never loses one. A case-insensitive match of
 * a keyword is ASCII only (non-Unicode regexes never fold a non-ASCII character onto ASCII), so
 * every match starts at a reported position.
 */
class KeywordFilter {
    /** Bit `t` is set when some keyword starts with the folded trigram `t` (24 bits). */
    bits = new Uint8Array(1 << 21);
    /** Positions found by the last `find`, reused between calls. */
    out = new Int32Array(4096);
    constructor(keywords, opts = {}) {
        const trigrams = keywordTrigrams(keywords);
        for (const t of trigrams)
            this.bits[t >>> 3] |= 1 << (t & 7);
        // Made at the first long range: the module is compiled once, and only if needed.
        if (opts.simd !== false && trigrams.length > 0)
            this.makeSimd = () => simdScanner(trigrams);
    }
    makeSimd;
    simdScanner;
    /** The SIMD pass, if asked for and the runtime has it. */
    get simd() {
        if (this.makeSimd) {
            this.simdScanner = this.makeSimd();
            this.makeSimd = undefined;
        }
        return this.simdScanner;
    }
    /** Whether long ranges are read by the SIMD pass. */
    get usesSimd() {
        return this.simd !== undefined;
    }
    /**
     * Positions in `[from, to)` where a keyword may start, ascending, as `positions[0, count)`;
     * the array is reused by the next call.
     */
    find(text, from, to) {
        const simd = to - from >= SIMD_FROM ? this.simd : undefined;
        if (simd)
            return this.confirm(text, from, to, (found, at, end) => simd.scan(text, at, end, found));
        return this.collect(text.length, from, to, (at, end, count) => this.scanText(text, at, end, count));
    }
    /** The same over bytes (a binary file, before any text is made of it). */
    findBytes(bytes, from, to) {
        const simd = to - from >= SIMD_FROM ? this.simd : undefined;
        if (simd)
            return this.confirm(bytes, from, to, (found, at, end) => simd.scan(bytes, at, end, found));
        return this.collect(bytes.length, from, to, (at, end, count) => this.scanBytes(bytes, at, end, count));
    }
    /**
     * For the raw text of a JSON string (between its quotes), when SIMD is there and the text is
     * long enough: `find`'s positions over that raw text, and what its escapes are (see
     * SimdScanner.scanJson). Undefined otherwise.
     */
    findJson(raw) {
        const simd = raw.length >= SIMD_FROM ? this.simd : undefined;
        if (!simd)
            return undefined;
        let escapes = { escapes: 0, flags: 0 };
        const found = this.confirm(raw, 0, raw.length, (f) => (escapes = simd.scanJson(raw, f)));
        return { ...found, ...escapes };
    }
    /**
     * The SIMD pass's positions, each kept when its trigram (computed as the plain loops compute
     * it) is a keyword's: for latin1 input, exactly the positions the plain loop reports.
     */
    confirm(input, from, to, run) {
        const code = typeof input === 'string' ? (i) => input.charCodeAt(i) : (i) => input[i];
        const last = Math.min(input.length, to + 2) - 2; // the last trigram must fit, as in the loops
        const { bits } = this;
        let count = 0;
        run((at) => {
            if (at >= last)
                return;
            const t = (((code(at) | 32) << 16) | ((code(at + 1) | 32) << 8) | (code(at + 2) | 32)) & 0xffffff;
            if ((bits[t >>> 3] & (1 << (t & 7))) === 0)
                return;
            if (count === this.out.length) {
                const grown = new Int32Array(this.out.length * 2);
                grown.set(this.out);
                this.out = grown;
            }
            this.out[count++] = at;
        }, from, Math.min(to, last));
        return { positions: this.out, count };
    }
    collect(length, from, to, scan) {
        const end = Math.min(length, to + 2);
        let count = 0;
        let at = from;
        while (at + 2 < end) {
            const n = scan(at, end, count);
            count = n.count;
            if (n.next >= end)
                break;
            // The array is full: grow it and go on from where the scan stopped.
            const grown = new Int32Array(this.out.length * 2);
            grown.set(this.out);
            this.out = grown;
            at = n.next;
        }
        return { positions: this.out, count };
    }
    // The hot loops, one per input type and kept small so each is optimized: they stop at `end`
    // or when `out` is full, and then resume two characters back, so the trigram that did not
    // fit is seen again.
    scanText(text, from, end, count) {
        const { bits, out } = this;
        let h = ((text.charCodeAt(from) | 32) << 8) | (text.charCodeAt(from + 1) | 32);
        let i = from + 2;
        for (; i < end; i++) {
            h = ((h << 8) | (text.charCodeAt(i) | 32)) & 0xffffff;
            if ((bits[h >>> 3] & (1 << (h & 7))) !== 0) {
                if (count === out.length)
                    break;
                out[count++] = i - 2;
            }
        }
        return { count, next: i < end ? i - 2 : end };
    }
    scanBytes(bytes, from, end, count) {
        const { bits, out } = this;
        let h = ((bytes[from] | 32) << 8) | (bytes[from + 1] | 32);
        let i = from + 2;
        for (; i < end; i++) {
            h = ((h << 8) | (bytes[i] | 32)) & 0xffffff;
            if ((bits[h >>> 3] & (1 << (h & 7))) !== 0) {
                if (count === out.length)
                    break;
                out[count++] = i - 2;
            }
        }
        return { count, next: i < end ? i - 2 : end };
    }
}
/** Ranges this long and longer go through the SIMD pass; below, its set-up costs more. */
const SIMD_FROM = 2048;
/** The distinct folded first three characters of the keywords, `(c0 << 16) | (c1 << 8) | c2`, ascending. */
function keywordTrigrams(keywords) {
    const trigrams = new Set();
    for (const k of keywords) {
        if (k.length < 3)
            throw new Error(`internal: keyword '${k}' is shorter than 3 characters`);
        trigrams.add((fold(k, 0) << 16) | (fold(k, 1) << 8) | fold(k, 2));
    }
    return [...trigrams].sort((a, b) => a - b);
}
function fold(s, i) {
    return (s.charCodeAt(i) | 32) & 0xffff;
}

// EXTERNAL MODULE: ./build/src/rules/secrets/engine/redact.js
var redact = __nccwpck_require__(1733);
;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/scanner.js





/** Rule id of low-confidence hits (checksum fails, looks like a test value): a notice. */
const UNVERIFIED = 'secret/unverified';
/**
 * Compiles detectors into one scanner. The text is read once by a KeywordFilter; at each
 * position it reports, one sticky case-insensitive regex that alternates every keyword (escaped
 * literals, with their guards) says which keyword is there, if any. The detectors that own it
 * run a sticky regex right there, and window detectors record the window to search
 * once after the pass, merged with overlapping windows. No keyword may be a prefix of another
 * (only one alternative can match at a position); the scanner checks that here.
 */
function createScanner(detectors) {
    const atKeyword = new Map();
    const nearKeyword = new Map();
    const add = (map, kw, d) => {
        const key = kw.toLowerCase();
        map.set(key, [...(map.get(key) ?? []), d]);
    };
    const guards = new Map();
    for (const d of detectors) {
        for (const [kw, guard] of Object.entries(d.guards ?? {})) {
            const key = kw.toLowerCase();
            if (guards.has(key) && guards.get(key) !== guard)
                throw new Error(`internal: detectors guard keyword '${kw}' differently`);
            guards.set(key, guard);
        }
        for (const kw of d.keywords ?? [])
            add(atKeyword, kw, d);
        for (const kw of d.near?.keywords ?? [])
            add(nearKeyword, kw, d);
    }
    const keywords = keywordsOf(detectors);
    for (const a of keywords)
        for (const b of keywords)
            if (a !== b && b.startsWith(a))
                throw new Error(`internal: keyword '${a}' is a prefix of '${b}'`);
    // A guarded keyword must be a keyword of its detectors only: a guard would hide it from others.
    for (const k of guards.keys())
        if (nearKeyword.has(k) || atKeyword.get(k)?.some((d) => !d.guards?.[k]))
            throw new Error(`internal: keyword '${k}' is guarded for some detectors only`);
    const escape = (k) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    const source = keywords
        .map((k) => escape(k) + (guards.has(k) ? `(?=${guards.get(k)})` : ''))
        .join('|');
    const keywordRe = new RegExp(source || '(?!)', 'iy');
    const filter = new KeywordFilter(keywords);
    /** Every hit whose keyword starts in `[from, to)`, before overlaps are resolved. */
    const findAll = (text, file, from, to) => {
        // Made at the first keyword: most texts have none, and most files are small.
        let ctx;
        const found = [];
        const push = (detector, hits) => {
            if (!hits)
                return;
            for (const hit of Array.isArray(hits) ? hits : [hits])
                found.push({ detector, hit });
        };
        let windows;
        const { positions, count } = filter.find(text, from, to);
        for (let c = 0; c < count; c++) {
            const at = positions[c];
            keywordRe.lastIndex = at;
            const m = keywordRe.exec(text);
            if (!m)
                continue;
            const kw = m[0].toLowerCase();
            ctx ??= new context/* ScanContext */.Jv(text, file);
            for (const d of atKeyword.get(kw) ?? [])
                push(d, d.find?.(text, at, ctx));
            for (const d of nearKeyword.get(kw) ?? []) {
                const near = d.near;
                const from = Math.max(0, at - near.before);
                const to = Math.min(text.length, at + kw.length + near.after);
                windows ??= new Map();
                const list = windows.get(d) ?? windows.set(d, []).get(d);
                const last = list.at(-1);
                if (last && from <= last[1])
                    last[1] = Math.max(last[1], to);
                else
                    list.push([from, to]);
            }
        }
        for (const [d, list] of windows ?? [])
            for (const [from, to] of list)
                push(d, d.near.find(text, from, to, ctx));
        return found;
    };
    const scan = (text, file, report, mask, at) => {
        const found = findAll(text, file, at ? at.from : 0, at ? at.to : text.length);
        const base = at?.base ?? 0;
        if (found.length === 0)
            return at?.seenUpTo ?? 0;
        const fresh = at ? found.filter((f) => base + f.hit.start >= at.seenUpTo) : found;
        if (fresh.length === 0)
            return at?.seenUpTo ?? 0;
        const kept = resolveOverlaps(fresh);
        emit(text, file, kept, report, mask, at ?? { base: 0, line: 1, lineStart: 0 });
        let end = at?.seenUpTo ?? 0;
        for (const f of kept)
            end = Math.max(end, base + f.hit.end);
        return end;
    };
    const redactText = (text) => {
        const found = findAll(text, '', 0, text.length);
        if (found.length === 0)
            return text;
        let out = '';
        let last = 0;
        for (const { hit } of resolveOverlaps(found)) {
            out += text.slice(last, hit.start) + `[${(0,redact/* redact */.E$)(hit.value, hit.shown)}]`;
            last = hit.end;
        }
        return out + text.slice(last);
    };
    const keywordInRuns = (bytes, from, to, min) => {
        let text;
        // Keywords first (the SIMD pass reads random bytes at about 0.5 ns each), then the
        // printable run around each, measured once per run: only a long enough one counts.
        const { positions, count } = filter.findBytes(bytes, from, to);
        let runStart = 0;
        let runEnd = 0;
        for (let c = 0; c < count; c++) {
            const at = positions[c];
            if (at >= runEnd) {
                if (!(0,binary/* isPrintable */.C2)(bytes[at]))
                    continue; // folding made a control byte look like one
                runStart = at;
                while (runStart > runEnd && (0,binary/* isPrintable */.C2)(bytes[runStart - 1]))
                    runStart--;
                runEnd = at + 1;
                while (runEnd < bytes.length && (0,binary/* isPrintable */.C2)(bytes[runEnd]))
                    runEnd++;
            }
            if (runEnd - runStart < min)
                continue;
            text ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
            keywordRe.lastIndex = at;
            if (keywordRe.test(text))
                return true;
        }
        return false;
    };
    const skim = (raw) => {
        const r = filter.findJson(raw);
        if (!r || r.flags !== 0)
            return undefined;
        for (let c = 0; c < r.count; c++) {
            keywordRe.lastIndex = r.positions[c];
            if (keywordRe.test(raw))
                return undefined;
        }
        return raw.length - r.escapes;
    };
    return { scan, keywordInRuns, skim, redactText };
}
/** Every keyword of these detectors (lower case, sorted): what the keyword pass looks for. */
function keywordsOf(detectors) {
    const all = detectors.flatMap((d) => [...(d.keywords ?? []), ...(d.near?.keywords ?? [])]);
    return [...new Set(all.map((k) => k.toLowerCase()))].sort();
}
/** Where hits overlap (a token inside a URL, a key inside a service-account file), one wins. */
function resolveOverlaps(found) {
    found.sort((a, b) => a.hit.start - b.hit.start || b.hit.end - a.hit.end);
    const kept = [];
    for (const f of found) {
        const last = kept.at(-1);
        if (last && f.hit.start < last.hit.end) {
            if (beats(f, last))
                kept[kept.length - 1] = f;
        }
        else {
            kept.push(f);
        }
    }
    return kept;
}
function beats(a, b) {
    const pa = a.detector.priority ?? 0;
    const pb = b.detector.priority ?? 0;
    if (pa !== pb)
        return pa > pb;
    if (!a.hit.unverified !== !b.hit.unverified)
        return !a.hit.unverified;
    return a.hit.end - a.hit.start > b.hit.end - b.hit.start;
}
/**
 * Reports hits in text order. Line and column are counted only up to each hit, from the
 * previous one, so a text without secrets costs nothing here. A hit presented as an example of
 * its format (`like \u2026`, `e.g. \u2026`) is only unverified.
 */
function emit(text, file, hits, report, mask, origin) {
    let line = origin.line;
    let lineStart = origin.lineStart - origin.base;
    let nextNewline = text.indexOf('\n');
    for (const { detector, hit } of hits) {
        while (nextNewline !== -1 && nextNewline < hit.start) {
            line++;
            lineStart = nextNewline + 1;
            nextNewline = text.indexOf('\n', lineStart);
        }
        const label = hit.label ?? detector.title;
        const hash = (0,redact/* secretHash */.LR)(hit.value);
        if (mask)
            maskValue(hit.value, mask);
        const unverified = hit.unverified ??
            (!hit.issued && presentedAsExample(text, hit.start) ? PRESENTED_AS_EXAMPLE : undefined);
        report({
            rule: unverified ? UNVERIFIED : detector.id,
            file,
            line,
            column: hit.start - lineStart + 1,
            message: unverified ? `possible ${label} in ${file} (${unverified})` : `${label} in ${file}`,
            evidence: (0,redact/* redact */.E$)(hit.value, hit.shown, hash),
            key: `sha256:${hash}`,
            ...(hit.severity && !unverified && { severity: hit.severity, because: hit.why }),
        });
    }
}
/** Masks values of 8+ characters, and each such line of a multi-line one (a PEM body). */
function maskValue(value, mask) {
    const parts = [value, ...value.split(/\r?\n|\\n/)];
    for (const p of new Set(parts.map((x) => x.trim())))
        if (p.length >= 8)
            mask(p);
}


/***/ }),

/***/ 8702:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ latin1Text)
/* harmony export */ });
const decoded = new WeakMap();
/**
 * A file's bytes as a latin1 string (one character per byte, so offsets are byte offsets),
 * decoded once however many rules read it; it lives as long as the entry's bytes.
 */
function latin1Text(content) {
    let text = decoded.get(content);
    if (text === undefined) {
        text = content.toString('latin1');
        decoded.set(content, text);
    }
    return text;
}


/***/ }),

/***/ 5300:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ defineFamily)
/* harmony export */ });
/**
 * Declares a rule family. Its ids are inferred from `rules` as literal types, so reporting an id
 * the family does not declare fails to compile, and `RuleId` (registry.ts) derives from them.
 */
function defineFamily(family) {
    return family;
}


/***/ }),

/***/ 7776:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ DEFAULT_WINDOWS),
/* harmony export */   a: () => (/* binding */ Windows)
/* harmony export */ });
const DEFAULT_WINDOWS = { own: 64 * 1024, before: 4096, after: 32 * 1024 };
/**
 * Cuts a streamed file into overlapping windows for scanners that work on text: a match that
 * starts in a window's own part and is no longer than `after` is seen whole by that window, and
 * by no other's own part. Bytes are copied into one buffer that is reused for every window
 * (fresh big buffers cost more than scanning them), so `onWindow` must not keep `bytes`.
 */
class Windows {
    onWindow;
    sizes;
    buf;
    /** Bytes held in `buf`, from file offset `start`. */
    held = 0;
    start = 0;
    /** File offset of the first byte no window has owned yet. */
    owned = 0;
    line = 1;
    lineStart = 0;
    flushed = false;
    constructor(onWindow, sizes = DEFAULT_WINDOWS) {
        this.onWindow = onWindow;
        this.sizes = sizes;
        this.buf = Buffer.allocUnsafe(sizes.before + sizes.own + sizes.after);
    }
    write(chunk) {
        const { own, after } = this.sizes;
        for (let at = 0; at < chunk.length;) {
            const n = Math.min(chunk.length - at, this.buf.length - this.held);
            chunk.copy(this.buf, this.held, at, at + n);
            this.held += n;
            at += n;
            if (this.start + this.held - this.owned >= own + after)
                this.flush(this.owned + own);
        }
    }
    end() {
        if (this.start + this.held > this.owned || !this.flushed)
            this.flush(this.start + this.held);
    }
    /** Hands on the window that owns `[owned, ownEnd)`, then keeps only what later windows need. */
    flush(ownEnd) {
        this.flushed = true;
        const bytes = this.buf.subarray(0, this.held);
        const windowEnd = Math.min(this.start + this.held, ownEnd + this.sizes.after);
        this.onWindow(bytes.subarray(0, windowEnd - this.start), {
            base: this.start,
            from: this.owned - this.start,
            to: ownEnd - this.start,
            line: this.line,
            lineStart: this.lineStart,
        });
        const next = Math.max(this.start, ownEnd - this.sizes.before);
        // Lines are counted up to the next window's first byte.
        const stop = next - this.start;
        for (let i = bytes.indexOf(0x0a); i >= 0 && i < stop; i = bytes.indexOf(0x0a, i + 1)) {
            this.line++;
            this.lineStart = this.start + i + 1;
        }
        this.owned = ownEnd;
        bytes.copy(this.buf, 0, stop, this.held);
        this.held -= stop;
        this.start = next;
    }
}


/***/ }),

/***/ 1554:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C7: () => (/* binding */ NESTED_IN_MEMORY),
/* harmony export */   Lq: () => (/* binding */ HEAD_BYTES),
/* harmony export */   MQ: () => (/* binding */ TailCollector),
/* harmony export */   Zv: () => (/* binding */ WholeCollector),
/* harmony export */   hP: () => (/* binding */ STREAM_ABOVE),
/* harmony export */   kK: () => (/* binding */ HeadCollector)
/* harmony export */ });
/**
 * Files larger than this are streamed through the rules chunk by chunk (`Entry.body`) instead
 * of being held whole: memory stays bounded whatever an artifact holds, and big buffers (which
 * cost more to allocate than to scan) are never made.
 */
const STREAM_ABOVE = 2 * 1024 * 1024;
/**
 * A nested archive is opened from memory (a zip needs random access): one larger than this is
 * not opened, and says so, so memory stays bounded.
 */
const NESTED_IN_MEMORY = 128 * 1024 * 1024;
/** How much of a streamed file's start is kept as `Entry.head` (what sniffing rules read). */
const HEAD_BYTES = 64 * 1024;
/** Collects the first `max` bytes of a stream. */
class HeadCollector {
    max;
    parts = [];
    size = 0;
    constructor(max) {
        this.max = max;
    }
    write(chunk) {
        if (this.size >= this.max)
            return;
        const part = chunk.subarray(0, this.max - this.size);
        this.parts.push(Buffer.from(part));
        this.size += part.length;
    }
    end() { }
    get bytes() {
        return this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    }
}
/** Collects a whole stream (for the few files that must be read whole: metadata, nested zips). */
class WholeCollector {
    onEnd;
    parts = [];
    size = 0;
    /** `onEnd` gets the whole bytes when the stream ends. */
    constructor(onEnd) {
        this.onEnd = onEnd;
    }
    write(chunk) {
        this.parts.push(chunk);
        this.size += chunk.length;
    }
    end() {
        this.onEnd?.(this.bytes);
    }
    get bytes() {
        return Buffer.concat(this.parts);
    }
}
/**
 * Keeps the last `max` bytes of a stream (and counts them all): the chunks that hold them, as
 * sinks may keep them, joined only when asked.
 */
class TailCollector {
    max;
    parts = [];
    kept = 0;
    total = 0;
    constructor(max) {
        this.max = max;
    }
    write(chunk) {
        this.total += chunk.length;
        this.parts.push(chunk);
        this.kept += chunk.length;
        while (this.kept - this.parts[0].length >= this.max)
            this.kept -= this.parts.shift().length;
    }
    end() { }
    get bytes() {
        const all = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
        return all.subarray(Math.max(0, all.length - this.max));
    }
}


/***/ }),

/***/ 1906:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ZJ: () => (/* binding */ MAX_MANIFEST_BYTES),
/* harmony export */   __: () => (/* binding */ Budget),
/* harmony export */   g$: () => (/* binding */ tooLarge),
/* harmony export */   nP: () => (/* binding */ LimitExceeded)
/* harmony export */ });
const RATIO_FLOOR = 16 * 1024 ** 2;
/**
 * The most of a root `package.json` that is parsed: 20 times the largest one among hundreds of
 * popular packages (date-fns, ~200 KB). Past it the manifest is not read (a finding says so):
 * a 50 MB one took 700 MB of memory, and every `exports` entry becomes work for several rules.
 */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** A limit was hit: reading stops and the check reports `archive/limit-exceeded`. */
class LimitExceeded extends Error {
    limit;
    detail;
    file;
    constructor(limit, detail, file = '') {
        super(detail);
        this.limit = limit;
        this.detail = detail;
        this.file = file;
        this.name = 'LimitExceeded';
    }
}
/** Counts what one artifact has unpacked so far and throws `LimitExceeded` past a limit. */
class Budget {
    limits;
    entries = 0;
    bytes = 0;
    compressedBytes = 0;
    constructor(limits) {
        this.limits = limits;
    }
    addEntry(path) {
        this.entries++;
        if (this.entries > this.limits.maxEntries) {
            throw new LimitExceeded('maxEntries', `more than ${this.limits.maxEntries} entries (max-entries); reading stopped at ${path}`, path);
        }
    }
    /** Whether an entry of this declared size may be read at all. */
    entryFits(size) {
        return size <= this.limits.maxEntryBytes;
    }
    addBytes(n, path) {
        this.bytes += n;
        if (this.bytes > this.limits.maxTotalBytes) {
            throw new LimitExceeded('maxTotalBytes', `more than ${this.limits.maxTotalBytes} unpacked bytes (max-total-bytes); reading stopped at ${path}`, path);
        }
        this.checkRatio(path);
    }
    addCompressed(n) {
        this.compressedBytes += n;
    }
    checkRatio(path) {
        if (this.bytes < RATIO_FLOOR || this.compressedBytes === 0)
            return;
        const ratio = this.bytes / this.compressedBytes;
        if (ratio > this.limits.maxRatio) {
            throw new LimitExceeded('maxRatio', `compression ratio over ${this.limits.maxRatio}:1 (max-ratio; ${Math.round(ratio)}:1 so far); reading stopped at ${path}`, path);
        }
    }
}
/** The reason recorded on an entry that is larger than max-entry-bytes and so was not read. */
function tooLarge(budget) {
    return {
        kind: 'limit',
        detail: `larger than max-entry-bytes (${budget.limits.maxEntryBytes}); not read`,
    };
}


/***/ }),

/***/ 4888:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ah: () => (/* binding */ CaseTwins),
/* harmony export */   P3: () => (/* binding */ deceptiveTraits),
/* harmony export */   Vk: () => (/* binding */ lossy),
/* harmony export */   aA: () => (/* binding */ encodeName),
/* harmony export */   e4: () => (/* binding */ decodeName),
/* harmony export */   ni: () => (/* binding */ showBytes),
/* harmony export */   tl: () => (/* binding */ MARKER)
/* harmony export */ });
const strict = new TextDecoder('utf-8', { fatal: true });
/**
 * Decodes a UTF-8 name keeping every byte: a byte that is not part of valid UTF-8 becomes the
 * lone surrogate U+DC00+byte (Python's `surrogateescape`), so two different raw names never
 * decode to the same string. `showBytes` later turns those into visible `\xNN`.
 */
function decodeName(bytes) {
    try {
        return { text: strict.decode(bytes), valid: true };
    }
    catch {
        return { text: decodeEscaped(bytes), valid: false };
    }
}
/** The bytes `decodeName` read: its inverse (an escaped byte U+DC80..U+DCFF is that byte again). */
function encodeName(text) {
    const parts = [];
    for (const ch of text) {
        const c = ch.charCodeAt(0);
        parts.push(c >= 0xdc80 && c <= 0xdcff ? Buffer.from([c - 0xdc00]) : Buffer.from(ch));
    }
    return Buffer.concat(parts);
}
function decodeEscaped(b) {
    let out = '';
    let i = 0;
    while (i < b.length) {
        const c = b[i];
        if (c < 0x80) {
            out += String.fromCharCode(c);
            i++;
            continue;
        }
        const n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
        const cp = n === 0 ? -1 : sequence(b, i, n);
        if (cp < 0) {
            out += String.fromCharCode(0xdc00 + c);
            i++;
        }
        else {
            out += String.fromCodePoint(cp);
            i += n;
        }
    }
    return out;
}
/** The code point of the n-byte sequence at i, or -1 when it is truncated, overlong or not a scalar. */
function sequence(b, i, n) {
    if (i + n > b.length)
        return -1;
    let cp = b[i] & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) {
        if ((b[i + k] & 0xc0) !== 0x80)
            return -1;
        cp = (cp << 6) | (b[i + k] & 0x3f);
    }
    const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return -1;
    return cp;
}
/**
 * Writes escaped bytes (from `decodeName`) as `\xNN`. Apply after normalizing: a normalized path
 * never holds a backslash, so the escape cannot be confused with a real name.
 */
function showBytes(text) {
    return text.replace(/[\udc80-\udcff]/gu, (c) => `\\x${(c.charCodeAt(0) - 0xdc00).toString(16)}`);
}
/** The trait of a name that holds `::` or `##[`: escaped in every output, so less grave. */
const MARKER = 'a workflow command marker';
// What can hide or forge a name: control characters and newlines, bidi controls, zero-width and
// other invisible format characters, and the Actions runner's command markers.
const DECEPTIVE = [
    [/[\n\r\u2028\u2029]/, 'a line break'],
    // eslint-disable-next-line no-control-regex
    [/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/, 'a control character'],
    [/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/, 'a bidi control'],
    [
        /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]/,
        'an invisible character',
    ],
    [/::|##\[/, MARKER],
];
/** What is deceptive about a name (each trait once), or an empty list. */
function deceptiveTraits(name) {
    return DECEPTIVE.filter(([re]) => re.test(name)).map(([, what]) => what);
}
/**
 * Finds paths that differ only in case or Unicode normalization (NFC/NFD): one file on macOS
 * and Windows. Folders count too (`Lib/a` and `lib/b`). Memory is one node per distinct path
 * segment, and each path is walked once.
 */
class CaseTwins {
    root = new Map();
    reported = new Set();
    /** The folder of the last path, walked: archives list files folder by folder. */
    last;
    /** The first spelling seen of the shallowest part of `path` that collides, reported once. */
    add(path) {
        const slash = path.lastIndexOf('/');
        const dir = slash < 0 ? '' : path.slice(0, slash);
        let found;
        // A folder walked again would report nothing new (its twin is reported once) and add
        // nothing to the tree, so the last one is reused.
        if (this.last?.dir !== dir) {
            this.last = this.walk(dir);
            found = this.last.found;
        }
        const { level, collided, spelled } = this.last;
        const name = path.slice(slash + 1);
        const key = fold(name);
        const node = level.get(key);
        if (!node)
            level.set(key, { name });
        else if (!collided && node.name !== name && !this.reported.has(path)) {
            this.reported.add(path);
            found = { first: spelled ? `${spelled}/${node.name}` : node.name, now: path };
        }
        return found;
    }
    /** Adds a folder's segments; where it ends, and the twin it met first if any. */
    walk(dir) {
        const segs = dir === '' ? [] : dir.split('/');
        let level = this.root;
        let found;
        let collided = false;
        const spelled = [];
        for (let i = 0; i < segs.length; i++) {
            const key = fold(segs[i]);
            let node = level.get(key);
            if (!node)
                level.set(key, (node = { name: segs[i] }));
            else if (!collided && node.name !== segs[i]) {
                collided = true;
                const now = segs.slice(0, i + 1).join('/');
                if (!this.reported.has(now)) {
                    this.reported.add(now);
                    found = { first: [...spelled, node.name].join('/'), now };
                }
            }
            spelled.push(node.name);
            level = node.kids ??= new Map();
        }
        return { dir, level, collided, found, spelled: spelled.join('/') };
    }
}
function fold(seg) {
    // eslint-disable-next-line no-control-regex
    return /^[\u0000-\u007f]*$/.test(seg) ? seg.toLowerCase() : seg.normalize('NFD').toLowerCase();
}
/** The name as lossy tools show it: escaped bytes become U+FFFD (no `\` that could read as a separator). */
function lossy(text) {
    return text.replace(/[\udc80-\udcff]/gu, '\ufffd');
}


/***/ }),

/***/ 5800:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Mu: () => (/* binding */ pathIssues),
/* harmony export */   h1: () => (/* binding */ normalizeEntryPath),
/* harmony export */   w3: () => (/* binding */ stripTop)
/* harmony export */ });
/** Lists every unsafe trait of a raw entry name (absolute, drive letter, `..`, backslash). */
function pathIssues(raw) {
    const issues = [];
    if (raw.startsWith('/') || raw.startsWith('\\')) {
        issues.push({ kind: 'absolute', detail: 'absolute path' });
    }
    if (/^[a-zA-Z]:/.test(raw))
        issues.push({ kind: 'drive-letter', detail: 'drive letter' });
    if (raw.includes('\\'))
        issues.push({ kind: 'backslash', detail: 'backslash separator' });
    if (/(?:^|[\\/])\.\.(?:[\\/]|$)/.test(raw)) {
        issues.push({ kind: 'parent-segment', detail: "'..' segment" });
    }
    return issues;
}
/**
 * The path a name would have inside the package root: backslashes become `/`, a drive letter
 * and leading slashes go, `.` and `..` segments are resolved without ever leaving the root.
 */
function normalizeEntryPath(raw) {
    const parts = [];
    for (const seg of raw.replace(/^[a-zA-Z]:/, '').split(/[\\/]+/)) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..')
            parts.pop();
        else
            parts.push(seg);
    }
    return parts.join('/');
}
/** Drops `top/` from the front of a normalized path when it is there. */
function stripTop(path, top) {
    if (!top)
        return path;
    if (path === top)
        return '';
    return path.startsWith(`${top}/`) ? path.slice(top.length + 1) : path;
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./build/src/breakdown.js
/** Sizes by top-level folder, largest first: where an artifact's weight is. */
function sizeBreakdown(files) {
    const by = new Map();
    for (const f of files) {
        if (f.type !== undefined && f.type !== 'file')
            continue;
        const slash = f.path.indexOf('/');
        const folder = slash < 0 ? '(root)' : `${f.path.slice(0, slash)}/`;
        const s = by.get(folder) ?? { folder, files: 0, bytes: 0 };
        s.files++;
        s.bytes += f.size;
        by.set(folder, s);
    }
    return [...by.values()].sort((a, b) => b.bytes - a.bytes || (a.folder < b.folder ? -1 : 1));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./build/src/sources/types.js
/** The artifact could not be read completely: the run must fail closed (exit 3). */
class ArtifactError extends Error {
    artifact;
    cause_;
    constructor(artifact, cause_) {
        super(`${artifact}: ${cause_}`);
        this.artifact = artifact;
        this.cause_ = cause_;
        this.name = 'ArtifactError';
    }
}
/** Records an issue on an entry. */
function addIssue(entry, issue) {
    ;
    (entry.issues ??= []).push(issue);
}

// EXTERNAL MODULE: ./build/src/sources/body.js
var body = __nccwpck_require__(1554);
// EXTERNAL MODULE: ./build/src/sources/names.js
var sources_names = __nccwpck_require__(4888);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
;// CONCATENATED MODULE: ./build/src/sources/zip-names.js


const UNICODE_PATH = 0x7075;
const UTF8_FLAG = 0x800;
/**
 * Why an Info-ZIP Unicode Path field (0x7075) names another file than the header's own name,
 * if it does. yauzl and Info-ZIP unzip take the field's name; Python and Java take the
 * header's. Writers put the same name in both: in UTF-8, or in the header a legacy code page
 * (each non-ASCII character one or two bytes, or `?`), so only those spellings agree.
 */
function unicodePathIssue(ze) {
    for (const f of ze.extraFields) {
        if (f.id !== UNICODE_PATH || f.data.length < 5 || f.data[0] !== 1)
            continue;
        const header = ze.fileName;
        const unicode = (0,sources_names/* decodeName */.e4)(f.data.subarray(5)).text;
        if (agrees(header, unicode, (ze.generalPurposeBitFlag & UTF8_FLAG) !== 0))
            continue;
        const stale = (0,external_node_zlib_.crc32)(header) === f.data.readUInt32LE(1)
            ? ''
            : ' (its checksum of the header name does not match, so careful readers ignore it; others do not)';
        return `its Info-ZIP Unicode Path field names it '${(0,sources_names/* showBytes */.ni)(unicode)}' and its header '${(0,sources_names/* showBytes */.ni)((0,sources_names/* decodeName */.e4)(header).text)}'${stale}: yauzl and unzip read the first, Python and Java the second`;
    }
    return undefined;
}
/** The name an Info-ZIP Unicode Path field (version 1) among `fields` gives, if one does. */
function unicodePathOf(fields) {
    const f = fields.find((x) => x.id === UNICODE_PATH && x.data.length >= 5 && x.data[0] === 1);
    return f && (0,sources_names/* decodeName */.e4)(f.data.subarray(5)).text;
}
/** The extra fields of a local header, as yauzl parses the central directory's. */
function extraFields(extra) {
    const out = [];
    for (let at = 0; at + 4 <= extra.length;) {
        const size = extra.readUInt16LE(at + 2);
        if (at + 4 + size > extra.length)
            break;
        out.push({ id: extra.readUInt16LE(at), data: extra.subarray(at + 4, at + 4 + size) });
        at += 4 + size;
    }
    return out;
}
/**
 * Why the name a local header gives through its own Unicode Path field (what readers that walk
 * local headers see: bsdtar, streaming unzip) differs from the central directory's name (its
 * Unicode Path field, else its header name), if it does.
 */
function localUnicodePathIssue(local, ze) {
    const own = unicodePathOf(extraFields(local.extra));
    if (own === undefined)
        return undefined;
    const central = unicodePathOf(ze.extraFields);
    const seen = central ?? (0,sources_names/* decodeName */.e4)(ze.fileName).text;
    if (own === seen)
        return undefined;
    if (central === undefined && agrees(local.name, own, (local.flags & UTF8_FLAG) !== 0)) {
        if (local.name.equals(ze.fileName))
            return undefined;
    }
    return `the local header's Info-ZIP Unicode Path field names it '${(0,sources_names/* showBytes */.ni)(own)}'`;
}
/** Past this many bytes a name is not matched against its legacy spellings: it simply disagrees. */
const MATCH_AT_MOST = 1024;
function agrees(header, unicode, utf8) {
    if ((0,sources_names/* decodeName */.e4)(header).text === unicode)
        return true;
    if (utf8 || header.length > MATCH_AT_MOST || unicode.length > MATCH_AT_MOST)
        return false;
    return legacySpelling(header, unicode);
}
/**
 * Whether `header` spells `unicode` in a legacy code page: its ASCII as it is, each run of other
 * characters as bytes over 0x7f (a double-byte code page's second byte may be ASCII), or `?` and
 * `_` for what the code page lacks. Matched position by position (every place a prefix of the
 * name can end), so no input makes it slow.
 */
function legacySpelling(header, unicode) {
    const n = header.length;
    let at = new Uint8Array(n + 1);
    at[0] = 1;
    const chars = [...unicode];
    for (let i = 0; i < chars.length;) {
        const next = new Uint8Array(n + 1);
        const c = chars[i].codePointAt(0);
        if (c < 0x80) {
            for (let p = 0; p < n; p++)
                if (at[p] && header[p] === c)
                    next[p + 1] = 1;
            i++;
        }
        else {
            // A run of non-ASCII characters: one or more units, each a high byte (and maybe its
            // second byte) or a stand-in.
            while (i < chars.length && chars[i].codePointAt(0) >= 0x80)
                i++;
            for (let p = 0; p < n; p++) {
                if (!at[p] && !next[p])
                    continue;
                const b = header[p];
                if (b >= 0x80) {
                    next[p + 1] = 1;
                    if (p + 1 < n && header[p + 1] >= 0x40 && header[p + 1] <= 0x7e)
                        next[p + 2] = 1;
                }
                else if (b === 0x3f || b === 0x5f)
                    next[p + 1] = 1;
            }
        }
        at = next;
    }
    return at[n] === 1;
}

;// CONCATENATED MODULE: ./build/src/sources/zip-layout.js



const EOCD = 0x06054b50;
const EOCD_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP64_LOCATOR = 0x07064b50;
const LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const SCAN = 64 * 1024;
/** General purpose flag bit 3: sizes and CRC follow the data, the local header has zeros. */
const DESCRIPTOR_FLAG = 0x8;
// Entries up to this many compressed bytes are read in one go with their local header.
const INLINE = 256 * 1024;
/**
 * Finds the end-of-central-directory record as yauzl does (the last signature in the last
 * 64 KiB) and works out how many bytes sit in front of the archive, as Python's zipfile does.
 * Returns undefined when there is none: yauzl then says why the file is not a zip.
 */
async function findEnd(src) {
    const tailLength = Math.min(src.size, 22 + 20 + 0xffff);
    const tail = await src.read(src.size - tailLength, tailLength);
    for (let i = tail.length - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) !== EOCD)
            continue;
        const at = src.size - tailLength + i;
        const cdSize = tail.readUInt32LE(i + 12);
        const cdOffset = tail.readUInt32LE(i + 16);
        const zip64 = i >= 20 && tail.readUInt32LE(i - 20) === ZIP64_LOCATOR;
        // A zip64 archive keeps its real offsets in the zip64 record: take them as they are.
        if (zip64)
            return { prefix: 0, centralStart: await zip64Central(src, tail, i - 20) };
        if (cdOffset === 0xffffffff)
            return { prefix: 0 };
        const prefix = at - cdSize - cdOffset;
        return { prefix: Math.max(0, prefix), centralStart: at - cdSize };
    }
    return undefined;
}
const ZIP64_END = 0x06064b50;
/**
 * Where a zip64 archive's central directory starts, from its zip64 end record (the locator
 * just before the end record says where that is), or undefined when the record is not there.
 * Python's zipfile writes zip64 past 65,535 entries: reading its directory in one go is what
 * keeps 70,000 small entries fast.
 */
async function zip64Central(src, tail, locator) {
    const record = Number(tail.readBigUInt64LE(locator + 8));
    if (!Number.isSafeInteger(record) || record + 56 > src.size)
        return undefined;
    const head = await src.read(record, 56);
    if (head.length < 56 || head.readUInt32LE(0) !== ZIP64_END)
        return undefined;
    const start = Number(head.readBigUInt64LE(48));
    return Number.isSafeInteger(start) && start <= record ? start : undefined;
}
/** How many bytes at the end of a file can hold a zip's end record (and its comment). */
const ZIP_TAIL = 22 + 20 + 0xffff;
/**
 * Whether a file that starts as a script (`#!`) ends as a zip: an executable jar or a Python
 * zipapp. `tail` is the file's last bytes (all of it, or at least ZIP_TAIL) and `total` its size.
 * The end record must point back at a central directory, so a script that merely holds the
 * four signature bytes is not taken for one.
 */
function zipAfterScript(head, tail, total = tail.length) {
    if (head[0] !== 0x23 || head[1] !== 0x21 || tail.length < 22)
        return false;
    const from = total - tail.length;
    const low = Math.max(0, tail.length - ZIP_TAIL);
    for (let i = tail.lastIndexOf(EOCD_BYTES, tail.length - 22); i >= low;) {
        const cdSize = tail.readUInt32LE(i + 12);
        const central = from + i - cdSize;
        if (i >= 20 && tail.readUInt32LE(i - 20) === ZIP64_LOCATOR)
            return true;
        // Where the directory lies outside the tail it cannot be checked: it is taken as a zip.
        if (cdSize > 0 && central >= 0) {
            return central < from || tail.readUInt32LE(central - from) === 0x02014b50;
        }
        i = i > 0 ? tail.lastIndexOf(EOCD_BYTES, i - 1) : -1;
    }
    return false;
}
/**
 * The byte ranges the central directory accounts for. Whatever lies outside them (bytes in
 * front, gaps between entries, local entries the directory does not list, a second zip) and
 * entries that share bytes are what readers disagree about, so they are reported.
 */
class Coverage {
    src;
    end;
    frontScanned;
    spans = [];
    constructor(src, end, 
    /** The bytes before the first entry were scanned with the file holding the zip (nested). */
    frontScanned = false) {
        this.src = src;
        this.end = end;
        this.frontScanned = frontScanned;
    }
    /** Records an entry's bytes: local header, name, extra field, data (absolute offsets). */
    add(start, end, name, descriptor) {
        this.spans.push({ start, end, name, slack: descriptor ? 24 : 0 });
    }
    /** Sentences for the findings: the prefix, each uncovered gap, each overlap. */
    async problems() {
        const out = [];
        const { prefix, centralStart } = this.end;
        const spans = [...this.spans].sort((a, b) => a.start - b.start || a.end - b.end);
        // A script in front of a nested zip (an executable jar, a zipapp) was scanned as part of
        // the file that holds it: only a zip entry hidden in it is news.
        const front = Math.min(spans[0]?.start ?? prefix, centralStart ?? Infinity);
        const script = this.frontScanned && front > 0 && (await this.isScript(front));
        if (prefix > 0 && !script) {
            const hidden = (await this.findLocal(0, prefix)) !== undefined
                ? ' and hold a zip entry (another archive)'
                : '';
            out.push(`${prefix} bytes come before the archive${hidden}; readers that start at the front (a streaming unzip) see something else than pip or Java, and packguard did not check them`);
        }
        let at = script ? front : prefix;
        let last;
        for (const s of spans) {
            if (last && s.start < last.end) {
                out.push(`the data of ${s.name} overlaps the data of ${last.name}: entries that share bytes (a zip-bomb technique)`);
            }
            else if (s.start > at + (last?.slack ?? 0)) {
                out.push(await this.gap(at, s.start));
            }
            if (!last || s.end >= last.end)
                last = s;
            at = Math.max(at, s.end);
        }
        if (centralStart !== undefined && centralStart > at + (last?.slack ?? 0))
            out.push(await this.gap(at, centralStart));
        return out;
    }
    /** The first `front` bytes are a script (`#!`) holding no local entry header. */
    async isScript(front) {
        const head = await this.src.read(0, 2);
        return head[0] === 0x23 && head[1] === 0x21 && (await this.findLocal(0, front)) === undefined;
    }
    async gap(start, end) {
        const local = await this.findLocal(start, end);
        return local === undefined
            ? `${end - start} bytes at offset ${start} belong to no entry; packguard did not check them`
            : `${end - start} bytes at offset ${start} belong to no entry listed in the central directory and hold a local entry header at offset ${local}: an entry that pip and Java skip but streaming readers extract; packguard did not check it`;
    }
    /** Offset of the first local file header signature in [start, end), if any. */
    async findLocal(start, end) {
        for (let pos = start; pos < end; pos += SCAN) {
            const buf = await this.src.read(pos, Math.min(SCAN + 3, end - pos));
            const i = buf.indexOf(LOCAL);
            if (i >= 0 && pos + i < end)
                return pos + i;
        }
        return undefined;
    }
}
/**
 * Reads the local header at `offset` (as seen from `shift` on) in one read, guessing its length
 * from the central directory's name and extra field; a longer one takes a second read. `data`
 * more bytes are read with it, so a small entry's data comes in the same read.
 */
async function readLocalHeader(src, shift, offset, guess, data = 0) {
    let buf = await src.read(shift + offset, 30 + guess + 64 + data);
    if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50) {
        throw new Error(`no local file header signature at offset ${offset}`);
    }
    const nameLength = buf.readUInt16LE(26);
    const extraLength = buf.readUInt16LE(28);
    const headerLength = 30 + nameLength + extraLength;
    if (buf.length < headerLength)
        buf = await src.read(shift + offset, headerLength);
    if (buf.length < headerLength)
        throw new Error('the local header is cut short');
    return {
        flags: buf.readUInt16LE(6),
        method: buf.readUInt16LE(8),
        crc32: buf.readUInt32LE(14),
        compressedSize: buf.readUInt32LE(18),
        uncompressedSize: buf.readUInt32LE(22),
        name: Buffer.from(buf.subarray(30, 30 + nameLength)),
        extra: buf.subarray(30 + nameLength, headerLength),
        dataStart: offset + 30 + nameLength + extraLength,
        head: buf,
    };
}
/** Reads the entry's local header and reports where it disagrees with the central directory. */
async function checkedLocalHeader(src, shift, ze, entry) {
    let local;
    try {
        const guess = ze.fileNameLength + ze.extraFieldLength;
        // A small entry's data is read along with its header: one read instead of a stream.
        const data = ze.compressedSize <= INLINE ? ze.compressedSize : 0;
        local = await readLocalHeader(src, shift, ze.relativeOffsetOfLocalHeader, guess, data);
        if (shift + local.dataStart + ze.compressedSize > src.size) {
            throw new Error(`its data runs past the end of the file`);
        }
    }
    catch (err) {
        const detail = `the central directory points at no valid local header (${err.message})`;
        addIssue(entry, { kind: 'zip-mismatch', path: entry.path, detail });
        if (entry.type === 'file')
            entry.unreadable = { kind: 'corrupt', detail };
        return undefined;
    }
    const diffs = [];
    if (!local.name.equals(ze.fileName)) {
        diffs.push(`the local header names it '${(0,sources_names/* showBytes */.ni)((0,sources_names/* decodeName */.e4)(local.name).text)}'`);
    }
    const unicode = localUnicodePathIssue(local, ze);
    if (unicode)
        diffs.push(unicode);
    if (local.method !== ze.compressionMethod) {
        diffs.push(`compression method ${local.method} in the local header, ${ze.compressionMethod} in the directory`);
    }
    if ((local.flags & 1) !== (ze.generalPurposeBitFlag & 1)) {
        diffs.push('the local header and the directory disagree on encryption');
    }
    if (!(local.flags & DESCRIPTOR_FLAG)) {
        const pairs = [
            ['compressed size', local.compressedSize, ze.compressedSize],
            ['size', local.uncompressedSize, ze.uncompressedSize],
            ['CRC-32', local.crc32, ze.crc32],
        ];
        for (const [what, l, c] of pairs) {
            if (l !== c && l !== 0xffffffff) {
                diffs.push(`${what} ${l} in the local header, ${c} in the directory`);
            }
        }
    }
    if (diffs.length > 0) {
        addIssue(entry, {
            kind: 'zip-mismatch',
            path: entry.path,
            detail: `${diffs.join('; ')}: readers that use local headers see another file`,
        });
    }
    return local;
}

// EXTERNAL MODULE: ./build/src/sources/limits.js
var limits = __nccwpck_require__(1906);
;// CONCATENATED MODULE: ./node_modules/fzstd/esm/index.mjs
// Some numerical data is initialized as -1 even when it doesn't need initialization to help the JIT infer types
// aliases for shorter compressed code (most minifers don't do this)
var ab = ArrayBuffer, u8 = Uint8Array, u16 = Uint16Array, i16 = Int16Array, u32 = (/* unused pure expression or super */ null && (Uint32Array)), i32 = Int32Array;
var slc = function (v, s, e) {
    if (u8.prototype.slice)
        return u8.prototype.slice.call(v, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    var n = new u8(e - s);
    n.set(v.subarray(s, e));
    return n;
};
var fill = function (v, n, s, e) {
    if (u8.prototype.fill)
        return u8.prototype.fill.call(v, n, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    for (; s < e; ++s)
        v[s] = n;
    return v;
};
var cpw = function (v, t, s, e) {
    if (u8.prototype.copyWithin)
        return u8.prototype.copyWithin.call(v, t, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    while (s < e) {
        v[t++] = v[s++];
    }
};
/**
 * Codes for errors generated within this library
 */
var ZstdErrorCode = {
    InvalidData: 0,
    WindowSizeTooLarge: 1,
    InvalidBlockType: 2,
    FSEAccuracyTooHigh: 3,
    DistanceTooFarBack: 4,
    UnexpectedEOF: 5
};
// error codes
var ec = [
    'invalid zstd data',
    'window size too large (>2046MB)',
    'invalid block type',
    'FSE accuracy too high',
    'match distance too far back',
    'unexpected EOF'
];
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
var rb = function (d, b, n) {
    var i = 0, o = 0;
    for (; i < n; ++i)
        o |= d[b++] << (i << 3);
    return o;
};
var b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read Zstandard frame header
var rzfh = function (dat, w) {
    var n3 = dat[0] | (dat[1] << 8) | (dat[2] << 16);
    if (n3 == 0x2FB528 && dat[3] == 253) {
        // Zstandard
        var flg = dat[4];
        //    single segment       checksum             dict flag     frame content flag
        var ss = (flg >> 5) & 1, cc = (flg >> 2) & 1, df = flg & 3, fcf = flg >> 6;
        if (flg & 8)
            err(0);
        // byte
        var bt = 6 - ss;
        // dict bytes
        var db = df == 3 ? 4 : df;
        // dictionary id
        var di = rb(dat, bt, db);
        bt += db;
        // frame size bytes
        var fsb = fcf ? (1 << fcf) : ss;
        // frame source size
        var fss = rb(dat, bt, fsb) + ((fcf == 1) && 256);
        // window size
        var ws = fss;
        if (!ss) {
            // window descriptor
            var wb = 1 << (10 + (dat[5] >> 3));
            ws = wb + (wb >> 3) * (dat[5] & 7);
        }
        if (ws > 2145386496)
            err(1);
        var buf = new u8((w == 1 ? (fss || ws) : w ? 0 : ws) + 12);
        buf[0] = 1, buf[4] = 4, buf[8] = 8;
        return {
            b: bt + fsb,
            y: 0,
            l: 0,
            d: di,
            w: (w && w != 1) ? w : buf.subarray(12),
            e: ws,
            o: new i32(buf.buffer, 0, 3),
            u: fss,
            c: cc,
            m: Math.min(131072, ws)
        };
    }
    else if (((n3 >> 4) | (dat[3] << 20)) == 0x184D2A5) {
        // skippable
        return b4(dat, 4) + 8;
    }
    err(0);
};
// most significant bit for nonzero
var msb = function (val) {
    var bits = 0;
    for (; (1 << bits) <= val; ++bits)
        ;
    return bits - 1;
};
// read finite state entropy
var rfse = function (dat, bt, mal) {
    // table pos
    var tpos = (bt << 3) + 4;
    // accuracy log
    var al = (dat[bt] & 15) + 5;
    if (al > mal)
        err(3);
    // size
    var sz = 1 << al;
    // probabilities symbols  repeat   index   high threshold
    var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
    // optimization: single allocation is much faster
    var buf = new ab(512 + (sz << 2));
    var freq = new i16(buf, 0, 256);
    // same view as freq
    var dstate = new u16(buf, 0, 256);
    var nstate = new u16(buf, 512, sz);
    var bb1 = 512 + (sz << 1);
    var syms = new u8(buf, bb1, sz);
    var nbits = new u8(buf, bb1 + sz);
    while (sym < 255 && probs > 0) {
        var bits = msb(probs + 1);
        var cbt = tpos >> 3;
        // mask
        var msk = (1 << (bits + 1)) - 1;
        var val = ((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (tpos & 7)) & msk;
        // mask (1 fewer bit)
        var msk1fb = (1 << bits) - 1;
        // max small value
        var msv = msk - probs - 1;
        // small value
        var sval = val & msk1fb;
        if (sval < msv)
            tpos += bits, val = sval;
        else {
            tpos += bits + 1;
            if (val > msk1fb)
                val -= msv;
        }
        freq[++sym] = --val;
        if (val == -1) {
            probs += val;
            syms[--ht] = sym;
        }
        else
            probs -= val;
        if (!val) {
            do {
                // repeat byte
                var rbt = tpos >> 3;
                re = ((dat[rbt] | (dat[rbt + 1] << 8)) >> (tpos & 7)) & 3;
                tpos += 2;
                sym += re;
            } while (re == 3);
        }
    }
    if (sym > 255 || probs)
        err(0);
    var sympos = 0;
    // sym step (coprime with sz - formula from zstd source)
    var sstep = (sz >> 1) + (sz >> 3) + 3;
    // sym mask
    var smask = sz - 1;
    for (var s = 0; s <= sym; ++s) {
        var sf = freq[s];
        if (sf < 1) {
            dstate[s] = -sf;
            continue;
        }
        // This is split into two loops in zstd to avoid branching, but as JS is higher-level that is unnecessary
        for (i = 0; i < sf; ++i) {
            syms[sympos] = s;
            do {
                sympos = (sympos + sstep) & smask;
            } while (sympos >= ht);
        }
    }
    // After spreading symbols, should be zero again
    if (sympos)
        err(0);
    for (i = 0; i < sz; ++i) {
        // next state
        var ns = dstate[syms[i]]++;
        // num bits
        var nb = nbits[i] = al - msb(ns);
        nstate[i] = (ns << nb) - sz;
    }
    return [(tpos + 7) >> 3, {
            b: al,
            s: syms,
            n: nbits,
            t: nstate
        }];
};
// read huffman
var rhu = function (dat, bt) {
    //  index  weight count
    var i = 0, wc = -1;
    //    buffer             header byte
    var buf = new u8(292), hb = dat[bt];
    // huffman weights
    var hw = buf.subarray(0, 256);
    // rank count
    var rc = buf.subarray(256, 268);
    // rank index
    var ri = new u16(buf.buffer, 268);
    // NOTE: at this point bt is 1 less than expected
    if (hb < 128) {
        // end byte, fse decode table
        var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
        bt += hb;
        var epos = ebt << 3;
        // last byte
        var lb = dat[bt];
        if (!lb)
            err(0);
        //  state1   state2   state1 bits   state2 bits
        var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
        // fse pos
        // pre-increment to account for original deficit of 1
        var fpos = (++bt << 3) - 8 + msb(lb);
        for (;;) {
            fpos -= btr1;
            if (fpos < epos)
                break;
            var cbt = fpos >> 3;
            st1 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr1) - 1);
            hw[++wc] = fdt.s[st1];
            fpos -= btr2;
            if (fpos < epos)
                break;
            cbt = fpos >> 3;
            st2 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr2) - 1);
            hw[++wc] = fdt.s[st2];
            btr1 = fdt.n[st1];
            st1 = fdt.t[st1];
            btr2 = fdt.n[st2];
            st2 = fdt.t[st2];
        }
        if (++wc > 255)
            err(0);
    }
    else {
        wc = hb - 127;
        for (; i < wc; i += 2) {
            var byte = dat[++bt];
            hw[i] = byte >> 4;
            hw[i + 1] = byte & 15;
        }
        ++bt;
    }
    // weight exponential sum
    var wes = 0;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        // bits must be at most 11, same as weight
        if (wt > 11)
            err(0);
        wes += wt && (1 << (wt - 1));
    }
    // max bits
    var mb = msb(wes) + 1;
    // table size
    var ts = 1 << mb;
    // remaining sum
    var rem = ts - wes;
    // must be power of 2
    if (rem & (rem - 1))
        err(0);
    hw[wc++] = msb(rem) + 1;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        ++rc[hw[i] = wt && (mb + 1 - wt)];
    }
    // huf buf
    var hbuf = new u8(ts << 1);
    //    symbols                      num bits
    var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
    ri[mb] = 0;
    for (i = mb; i > 0; --i) {
        var pv = ri[i];
        fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << (mb - i)));
    }
    if (ri[0] != ts)
        err(0);
    for (i = 0; i < wc; ++i) {
        var bits = hw[i];
        if (bits) {
            var code = ri[bits];
            fill(syms, i, code, ri[bits] = code + (1 << (mb - bits)));
        }
    }
    return [bt, {
            n: nb,
            b: mb,
            s: syms
        }];
};
// Tables generated using this:
// https://gist.github.com/101arrowz/a979452d4355992cbf8f257cbffc9edd
// default literal length table
var dllt = /*#__PURE__*/ rfse(/*#__PURE__*/ new u8([
    81, 16, 99, 140, 49, 198, 24, 99, 12, 33, 196, 24, 99, 102, 102, 134, 70, 146, 4
]), 0, 6)[1];
// default match length table
var dmlt = /*#__PURE__*/ rfse(/*#__PURE__*/ new u8([
    33, 20, 196, 24, 99, 140, 33, 132, 16, 66, 8, 33, 132, 16, 66, 8, 33, 68, 68, 68, 68, 68, 68, 68, 68, 36, 9
]), 0, 6)[1];
// default offset code table
var doct = /*#__PURE__ */ rfse(/*#__PURE__*/ new u8([
    32, 132, 16, 66, 102, 70, 68, 68, 68, 68, 36, 73, 2
]), 0, 5)[1];
// bits to baseline
var b2bl = function (b, s) {
    var len = b.length, bl = new i32(len);
    for (var i = 0; i < len; ++i) {
        bl[i] = s;
        s += 1 << b[i];
    }
    return bl;
};
// literal length bits
var llb = /*#__PURE__ */ new u8(( /*#__PURE__ */new i32([
    0, 0, 0, 0, 16843009, 50528770, 134678020, 202050057, 269422093
])).buffer, 0, 36);
// literal length baseline
var llbl = /*#__PURE__ */ b2bl(llb, 0);
// match length bits
var mlb = /*#__PURE__ */ new u8(( /*#__PURE__ */new i32([
    0, 0, 0, 0, 0, 0, 0, 0, 16843009, 50528770, 117769220, 185207048, 252579084, 16
])).buffer, 0, 53);
// match length baseline
var mlbl = /*#__PURE__ */ b2bl(mlb, 3);
// decode huffman stream
var dhu = function (dat, out, hu) {
    var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
    if (!lb)
        err(0);
    var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
    for (; pos > eb && i < ss;) {
        var cbt = pos >> 3;
        var val = (dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (pos & 7);
        st = ((st << btr) | val) & msk;
        out[++i] = hu.s[st];
        pos -= (btr = hu.n[st]);
    }
    if (pos != eb || i + 1 != ss)
        err(0);
};
// decode huffman stream 4x
// TODO: use workers to parallelize
var dhu4 = function (dat, out, hu) {
    var bt = 6;
    var ss = out.length, sz1 = (ss + 3) >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
    dhu(dat.subarray(bt, bt += dat[0] | (dat[1] << 8)), out.subarray(0, sz1), hu);
    dhu(dat.subarray(bt, bt += dat[2] | (dat[3] << 8)), out.subarray(sz1, sz2), hu);
    dhu(dat.subarray(bt, bt += dat[4] | (dat[5] << 8)), out.subarray(sz2, sz3), hu);
    dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
// read Zstandard block
var rzb = function (dat, st, out) {
    var _a;
    var bt = st.b;
    //    byte 0        block type
    var b0 = dat[bt], btype = (b0 >> 1) & 3;
    st.l = b0 & 1;
    var sz = (b0 >> 3) | (dat[bt + 1] << 5) | (dat[bt + 2] << 13);
    // end byte for block
    var ebt = (bt += 3) + sz;
    if (btype == 1) {
        if (bt >= dat.length)
            return;
        st.b = bt + 1;
        if (out) {
            fill(out, dat[bt], st.y, st.y += sz);
            return out;
        }
        return fill(new u8(sz), dat[bt]);
    }
    if (ebt > dat.length)
        return;
    if (btype == 0) {
        st.b = ebt;
        if (out) {
            out.set(dat.subarray(bt, ebt), st.y);
            st.y += sz;
            return out;
        }
        return slc(dat, bt, ebt);
    }
    if (btype == 2) {
        //    byte 3        lit btype     size format
        var b3 = dat[bt], lbt = b3 & 3, sf = (b3 >> 2) & 3;
        // lit src size  lit cmp sz 4 streams
        var lss = b3 >> 4, lcs = 0, s4 = 0;
        if (lbt < 2) {
            if (sf & 1)
                lss |= (dat[++bt] << 4) | ((sf & 2) && (dat[++bt] << 12));
            else
                lss = b3 >> 3;
        }
        else {
            s4 = sf;
            if (sf < 2)
                lss |= ((dat[++bt] & 63) << 4), lcs = (dat[bt] >> 6) | (dat[++bt] << 2);
            else if (sf == 2)
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 3) << 12), lcs = (dat[bt] >> 2) | (dat[++bt] << 6);
            else
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 63) << 12), lcs = (dat[bt] >> 6) | (dat[++bt] << 2) | (dat[++bt] << 10);
        }
        ++bt;
        // add literals to end - can never overlap with backreferences because unused literals always appended
        var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
        // starting point for literals
        var spl = buf.length - lss;
        if (lbt == 0)
            buf.set(dat.subarray(bt, bt += lss), spl);
        else if (lbt == 1)
            fill(buf, dat[bt++], spl);
        else {
            // huffman table
            var hu = st.h;
            if (lbt == 2) {
                var hud = rhu(dat, bt);
                // subtract description length
                lcs += bt - (bt = hud[0]);
                st.h = hu = hud[1];
            }
            else if (!hu)
                err(0);
            (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
        }
        // num sequences
        var ns = dat[bt++];
        if (ns) {
            if (ns == 255)
                ns = (dat[bt++] | (dat[bt++] << 8)) + 0x7F00;
            else if (ns > 127)
                ns = ((ns - 128) << 8) | dat[bt++];
            // symbol compression modes
            var scm = dat[bt++];
            if (scm & 3)
                err(0);
            var dts = [dmlt, doct, dllt];
            for (var i = 2; i > -1; --i) {
                var md = (scm >> ((i << 1) + 2)) & 3;
                if (md == 1) {
                    // rle buf
                    var rbuf = new u8([0, 0, dat[bt++]]);
                    dts[i] = {
                        s: rbuf.subarray(2, 3),
                        n: rbuf.subarray(0, 1),
                        t: new u16(rbuf.buffer, 0, 1),
                        b: 0
                    };
                }
                else if (md == 2) {
                    // accuracy log 8 for offsets, 9 for others
                    _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
                }
                else if (md == 3) {
                    if (!st.t)
                        err(0);
                    dts[i] = st.t[i];
                }
            }
            var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
            var lb = dat[ebt - 1];
            if (!lb)
                err(0);
            var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
            var lst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << llt.b) - 1);
            cbt = (spos -= oct.b) >> 3;
            var ost = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << oct.b) - 1);
            cbt = (spos -= mlt.b) >> 3;
            var mst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mlt.b) - 1);
            for (++ns; --ns;) {
                var llc = llt.s[lst];
                var lbtr = llt.n[lst];
                var mlc = mlt.s[mst];
                var mbtr = mlt.n[mst];
                var ofc = oct.s[ost];
                var obtr = oct.n[ost];
                cbt = (spos -= ofc) >> 3;
                var ofp = 1 << ofc;
                var off = ofp + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16) | (dat[cbt + 3] << 24)) >>> (spos & 7)) & (ofp - 1));
                cbt = (spos -= mlb[mlc]) >> 3;
                var ml = mlbl[mlc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << mlb[mlc]) - 1));
                cbt = (spos -= llb[llc]) >> 3;
                var ll = llbl[llc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << llb[llc]) - 1));
                cbt = (spos -= lbtr) >> 3;
                lst = llt.t[lst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << lbtr) - 1));
                cbt = (spos -= mbtr) >> 3;
                mst = mlt.t[mst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mbtr) - 1));
                cbt = (spos -= obtr) >> 3;
                ost = oct.t[ost] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << obtr) - 1));
                if (off > 3) {
                    st.o[2] = st.o[1];
                    st.o[1] = st.o[0];
                    st.o[0] = off -= 3;
                }
                else {
                    var idx = off - (ll != 0);
                    if (idx) {
                        off = idx == 3 ? st.o[0] - 1 : st.o[idx];
                        if (idx > 1)
                            st.o[2] = st.o[1];
                        st.o[1] = st.o[0];
                        st.o[0] = off;
                    }
                    else
                        off = st.o[0];
                }
                for (var i = 0; i < ll; ++i) {
                    buf[oubt + i] = buf[spl + i];
                }
                oubt += ll, spl += ll;
                var stin = oubt - off;
                if (stin < 0) {
                    var len = -stin;
                    var bs = st.e + stin;
                    if (len > ml)
                        len = ml;
                    for (var i = 0; i < len; ++i) {
                        buf[oubt + i] = st.w[bs + i];
                    }
                    oubt += len, ml -= len, stin = 0;
                }
                for (var i = 0; i < ml; ++i) {
                    buf[oubt + i] = buf[stin + i];
                }
                oubt += ml;
            }
            if (oubt != spl) {
                while (spl < buf.length) {
                    buf[oubt++] = buf[spl++];
                }
            }
            else
                oubt = buf.length;
            if (out)
                st.y += oubt;
            else
                buf = slc(buf, 0, oubt);
        }
        else if (out) {
            st.y += lss;
            if (spl) {
                for (var i = 0; i < lss; ++i) {
                    buf[i] = buf[spl + i];
                }
            }
        }
        else if (spl)
            buf = slc(buf, spl);
        st.b = ebt;
        return buf;
    }
    err(2);
};
// concat
var cct = function (bufs, ol) {
    if (bufs.length == 1)
        return bufs[0];
    var buf = new u8(ol);
    for (var i = 0, b = 0; i < bufs.length; ++i) {
        var chk = bufs[i];
        buf.set(chk, b);
        b += chk.length;
    }
    return buf;
};
/**
 * Decompresses Zstandard data
 * @param dat The input data
 * @param buf The output buffer. If unspecified, the function will allocate
 *            exactly enough memory to fit the decompressed data. If your
 *            data has multiple frames and you know the output size, specifying
 *            it will yield better performance.
 * @returns The decompressed data
 */
function decompress(dat, buf) {
    var bufs = [], nb = +!buf;
    var bt = 0, ol = 0;
    for (; dat.length;) {
        var st = rzfh(dat, nb || buf);
        if (typeof st == 'object') {
            if (nb) {
                buf = null;
                if (st.w.length == st.u) {
                    bufs.push(buf = st.w);
                    ol += st.u;
                }
            }
            else {
                bufs.push(buf);
                st.e = 0;
            }
            for (; !st.l;) {
                var blk = rzb(dat, st, buf);
                if (!blk)
                    err(5);
                if (buf)
                    st.e = st.y;
                else {
                    bufs.push(blk);
                    ol += blk.length;
                    cpw(st.w, 0, blk.length);
                    st.w.set(blk, st.w.length - blk.length);
                }
            }
            bt = st.b + (st.c * 4);
        }
        else
            bt = st;
        dat = dat.subarray(bt);
    }
    return cct(bufs, ol);
}
/**
 * Decompressor for Zstandard streamed data
 */
var Decompress = /*#__PURE__*/ (function () {
    /**
     * Creates a Zstandard decompressor
     * @param ondata The handler for stream data
     */
    function Decompress(ondata) {
        this.ondata = ondata;
        this.c = [];
        this.l = 0;
        this.z = 0;
    }
    /**
     * Pushes data to be decompressed
     * @param chunk The chunk of data to push
     * @param final Whether or not this is the last chunk in the stream
     */
    Decompress.prototype.push = function (chunk, final) {
        if (typeof this.s == 'number') {
            var sub = Math.min(chunk.length, this.s);
            chunk = chunk.subarray(sub);
            this.s -= sub;
        }
        var sl = chunk.length;
        var ncs = sl + this.l;
        if (!this.s) {
            if (final) {
                if (!ncs) {
                    this.ondata(new u8(0), true);
                    return;
                }
                // min for frame + one block
                if (ncs < 5)
                    err(5);
            }
            else if (ncs < 18) {
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (typeof (this.s = rzfh(chunk)) == 'number')
                return this.push(chunk, final);
        }
        if (typeof this.s != 'number') {
            if (ncs < (this.z || 3)) {
                if (final)
                    err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (!this.z && ncs < (this.z = (chunk[this.s.b] & 2) ? 4 : 3 + ((chunk[this.s.b] >> 3) | (chunk[this.s.b + 1] << 5) | (chunk[this.s.b + 2] << 13)))) {
                if (final)
                    err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            else
                this.z = 0;
            for (;;) {
                var blk = rzb(chunk, this.s);
                if (!blk) {
                    if (final)
                        err(5);
                    var adc = chunk.subarray(this.s.b);
                    this.s.b = 0;
                    this.c.push(adc), this.l += adc.length;
                    return;
                }
                else {
                    this.ondata(blk, false);
                    cpw(this.s.w, 0, blk.length);
                    this.s.w.set(blk, this.s.w.length - blk.length);
                }
                if (this.s.l) {
                    var rest = chunk.subarray(this.s.b);
                    this.s = this.s.c * 4;
                    this.push(rest, final);
                    return;
                }
            }
        }
        else if (final)
            err(5);
    };
    return Decompress;
}());


;// CONCATENATED MODULE: ./build/src/sources/zstd.js


const nativeZstd = external_node_zlib_.zstdDecompressSync;
/** zstd's default limit on a decoder's window (ZSTD_WINDOWLOG_LIMIT_DEFAULT, 2^27 bytes). */
const MAX_WINDOW = 2 ** 27;
const FRAME_MAGIC = 0xfd2fb528;
const SKIPPABLE_MAGIC = 0x184d2a50;
/** An error Node's zlib would give for output over `maxOutputLength`. */
function tooLarge(what) {
    return Object.assign(new Error(`${what} is over the output limit`), {
        code: 'ERR_BUFFER_TOO_LARGE',
    });
}
/**
 * Walks the frames of a zstd stream (RFC 8878) without decoding them: every frame header must
 * be well-formed, use no dictionary, declare a window of at most MAX_WINDOW and a content size
 * of at most `maxOutput`; blocks must fit the input. Throws on the first that does not.
 */
function checkZstdFrames(bytes, maxOutput) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const need = (at, n) => {
        if (at + n > bytes.length)
            throw new Error('truncated zstd stream');
    };
    let at = 0;
    let frames = 0;
    while (at < bytes.length) {
        need(at, 4);
        const magic = view.getUint32(at, true);
        if ((magic & 0xfffffff0) === SKIPPABLE_MAGIC) {
            need(at, 8);
            at += 8 + view.getUint32(at + 4, true);
            need(at, 0);
            continue;
        }
        if (magic !== FRAME_MAGIC)
            throw new Error(`not a zstd frame at byte ${at}`);
        need(at, 5);
        const fhd = bytes[at + 4];
        const single = (fhd >> 5) & 1;
        const fcsFlag = fhd >> 6;
        if (fhd & 8)
            throw new Error('reserved bit set in a zstd frame header');
        if (fhd & 3)
            throw new Error('zstd frame needs a dictionary');
        let p = at + 5;
        let window = 0;
        if (!single) {
            need(p, 1);
            const wd = bytes[p++];
            const base = 2 ** (10 + (wd >> 3));
            window = base + (base / 8) * (wd & 7);
        }
        const fcsBytes = fcsFlag === 0 ? single : 2 ** fcsFlag;
        need(p, fcsBytes);
        let size = 0;
        for (let i = fcsBytes - 1; i >= 0; i--)
            size = size * 256 + bytes[p + i];
        if (fcsBytes === 2)
            size += 256;
        p += fcsBytes;
        if (single)
            window = size;
        if (size > maxOutput || (single && window > maxOutput))
            throw tooLarge('a zstd frame');
        if (window > MAX_WINDOW)
            throw new Error(`zstd window of ${window} bytes is over the limit`);
        for (let last = 0; !last;) {
            need(p, 3);
            const header = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16);
            last = header & 1;
            const type = (header >> 1) & 3;
            if (type === 3)
                throw new Error('reserved zstd block type');
            p += 3 + (type === 1 ? 1 : header >>> 3);
            need(p, 0);
        }
        if ((fhd >> 2) & 1)
            p += 4;
        need(p, 0);
        at = p;
        frames++;
    }
    if (frames === 0)
        throw new Error('no zstd frame');
}
/**
 * Decompresses a whole zstd stream, at most `maxOutput` bytes (else ERR_BUFFER_TOO_LARGE). The
 * frames are checked first on every Node, so both decoders refuse the same streams (zlib would
 * drop bytes after the last frame unread).
 */
function zstdDecompress(bytes, maxOutput) {
    if (nativeZstd) {
        checkZstdFrames(bytes, maxOutput);
        return nativeZstd(bytes, { maxOutputLength: maxOutput });
    }
    return zstdDecompressJs(bytes, maxOutput);
}
/** The same with fzstd, after the frame check (what Node 20 uses; tested on every Node). */
function zstdDecompressJs(bytes, maxOutput) {
    checkZstdFrames(bytes, maxOutput);
    const parts = [];
    let total = 0;
    const d = new Decompress((chunk) => {
        total += chunk.length;
        if (total > maxOutput)
            throw tooLarge('zstd output');
        parts.push(chunk);
    });
    d.push(bytes, true);
    return Buffer.concat(parts, total);
}

;// CONCATENATED MODULE: ./build/src/sources/compressed-asset.js




const GZIP = {
    name: 'gzip',
    ext: /\.gz$/i,
    run: (b, max) => external_node_zlib_.gunzipSync(b, { maxOutputLength: max }),
};
const BROTLI = {
    name: 'brotli',
    ext: /\.br$/i,
    run: (b, max) => external_node_zlib_.brotliDecompressSync(b, { maxOutputLength: max }),
};
const ZSTD = {
    name: 'zstd',
    ext: /\.zst$/i,
    run: zstdDecompress,
};
/**
 * A compressed asset (`app.js.gz`, `app.js.map.br`, `data.zst`) as its one decompressed file,
 * named without the extension, counted against the artifact's budget like any entry. One that
 * does not decompress is an ArtifactError: its content was not checked, and the run says so.
 */
function decompressOne(outer, budget, codec) {
    const name = outer.path.split('/').pop()?.replace(codec.ext, '') || 'content';
    budget.addEntry(name);
    let content;
    try {
        content = codec.run(outer.content, budget.limits.maxEntryBytes);
    }
    catch (err) {
        if (err.code === 'ERR_BUFFER_TOO_LARGE') {
            throw new limits/* LimitExceeded */.nP('maxEntryBytes', `${outer.path} decompresses past max-entry-bytes (${budget.limits.maxEntryBytes})`, outer.path);
        }
        throw new ArtifactError(outer.path, `cannot decompress (${codec.name}): ${err.message}`);
    }
    budget.addBytes(content.length, name);
    return {
        path: name,
        rawPath: name,
        type: 'file',
        mode: outer.mode,
        size: content.length,
        content,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./build/src/sources/dir.js





/**
 * Walks a folder in sorted order without following symlinks. Links, FIFOs, sockets and devices
 * are reported as entries and never opened. Names are read as bytes: one that is not valid
 * UTF-8 is still found (and reported), shown with `\xNN` for its bad bytes. The tree is listed
 * first (names and types only), then read file by file with synchronous calls: each async call
 * is a thread-pool round trip, which made reading 26,000 small files four times slower.
 */
async function* readDir(root, opts) {
    const items = [];
    list(root, items, opts.budget.limits.maxEntries + 1);
    for (const it of items) {
        const entry = await readPath(root, it.path, opts, it.raw);
        entry.rawPath = it.rawPath;
        if (!it.valid) {
            entry.issues = [
                {
                    kind: 'invalid-utf8-name',
                    path: it.path,
                    detail: 'its name is not valid UTF-8 (bad bytes shown as \\xNN)',
                },
            ];
        }
        yield entry;
    }
}
/** Lists the tree depth-first in sorted order (a folder, then what it holds), up to `max` items. */
function list(root, out, max, rel = '', relBytes, relRaw = rel) {
    const dir = relBytes ? fsPath(root, relBytes) : (0,external_node_path_.join)(root, rel);
    const names = (0,external_node_fs_.readdirSync)(dir, { encoding: 'buffer', withFileTypes: true })
        .map((d) => ({
        bytes: d.name,
        dir: d.isDirectory(),
        ...(0,sources_names/* decodeName */.e4)(d.name),
    }))
        .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    for (const { bytes, text, valid, dir: isDir } of names) {
        if (out.length >= max)
            return;
        const path = rel ? `${rel}/${(0,sources_names/* showBytes */.ni)(text)}` : (0,sources_names/* showBytes */.ni)(text);
        const raw = relBytes || !valid ? concatPath(relBytes ?? Buffer.from(rel), bytes) : undefined;
        const rawPath = relRaw ? `${relRaw}/${(0,sources_names/* lossy */.Vk)(text)}` : (0,sources_names/* lossy */.Vk)(text);
        out.push({ path, raw, rawPath, valid });
        if (isDir)
            list(root, out, max, path, raw, rawPath);
    }
}
const concatPath = (dir, name) => dir.length ? Buffer.concat([dir, Buffer.from('/'), name]) : name;
const fsPath = (root, rel) => Buffer.concat([Buffer.from(`${root}${external_node_path_.sep}`), rel]);
/**
 * Reads one path below `root` as an entry (lstat: a link is never followed). `bytes` is the
 * relative path as raw bytes, when its name is not valid UTF-8.
 */
async function readPath(root, path, opts, bytes) {
    const full = bytes ? fsPath(root, bytes) : (0,external_node_path_.join)(root, path);
    const st = (0,external_node_fs_.lstatSync)(full);
    opts.budget.addEntry(path);
    const entry = {
        path,
        rawPath: path,
        type: typeOf(st),
        mode: st.mode & 0o7777,
        size: st.size,
    };
    if (entry.type === 'symlink')
        entry.linkTarget = (0,external_node_fs_.readlinkSync)(full);
    if (entry.type !== 'file') {
        if (entry.type === 'directory')
            entry.size = 0;
        return entry;
    }
    if (!opts.budget.entryFits(st.size)) {
        entry.unreadable = (0,limits/* tooLarge */.g$)(opts.budget);
        return entry;
    }
    opts.budget.addBytes(st.size, path);
    if (st.size > body/* STREAM_ABOVE */.hP) {
        entry.body = streamRegular(full, st, entry);
        return entry;
    }
    const content = readRegular(full, st);
    if (typeof content === 'string')
        entry.unreadable = { kind: 'corrupt', detail: content };
    else
        entry.content = content;
    return entry;
}
// O_NOFOLLOW: a file swapped for a link after lstat is not followed. O_NONBLOCK: one swapped for
// a FIFO does not hang the open. Both are 0 where the platform lacks them (Windows).
const FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0);
/**
 * Reads exactly the regular file lstat saw, and never more than the size it had then: a file
 * replaced by a link, FIFO or device between lstat and open is not read (the reason is returned).
 */
function readRegular(full, seen) {
    const fd = openSeen(full, seen);
    if (typeof fd === 'string')
        return fd;
    try {
        const buf = Buffer.allocUnsafe(seen.size);
        let got = 0;
        while (got < buf.length) {
            const n = (0,external_node_fs_.readSync)(fd, buf, got, buf.length - got, got);
            if (n === 0)
                break;
            got += n;
        }
        return got === buf.length ? buf : buf.subarray(0, got);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The file lstat saw, opened without following links, or why it cannot be. */
function openSeen(full, seen) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(full, FLAGS);
    }
    catch (err) {
        return `could not be opened safely (${err.code ?? err.message}); not read`;
    }
    const st = (0,external_node_fs_.fstatSync)(fd);
    if (!st.isFile() || st.ino !== seen.ino || st.dev !== seen.dev) {
        (0,external_node_fs_.closeSync)(fd);
        return 'changed into something else while being read; not read';
    }
    return fd;
}
/**
 * A large file's bytes in fresh 1 MiB pieces, never more than the size lstat saw; a file that
 * cannot be opened safely is marked unreadable on its entry and yields nothing.
 */
async function* streamRegular(full, seen, entry) {
    const fd = openSeen(full, seen);
    if (typeof fd === 'string') {
        entry.unreadable = { kind: 'corrupt', detail: fd };
        return;
    }
    try {
        for (let pos = 0; pos < seen.size;) {
            const buf = Buffer.allocUnsafe(Math.min(PIECE, seen.size - pos));
            const n = (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, pos);
            if (n === 0)
                break;
            pos += n;
            yield n === buf.length ? buf : buf.subarray(0, n);
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Pieces of a streamed file: small enough that allocating them stays cheap. */
const PIECE = 64 * 1024;
function typeOf(st) {
    if (st.isFile())
        return 'file';
    if (st.isDirectory())
        return 'directory';
    if (st.isSymbolicLink())
        return 'symlink';
    if (st.isFIFO())
        return 'fifo';
    if (st.isCharacterDevice())
        return 'char-device';
    if (st.isBlockDevice())
        return 'block-device';
    if (st.isSocket())
        return 'socket';
    return 'other';
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./build/src/npm-cli.js
/** npm exited with an error; `code` is npm's own (`E404`, `E401`, `ECONNREFUSED`\u2026) when it gave one. */
class NpmError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
        this.name = 'NpmError';
    }
}
// Settings an outer `npm run` (or a user's shell) may export that would turn our calls into
// something else: a dry run writes no tarball, a workspace selection packs the wrong package.
const OVERRIDDEN = /^npm_config_(dry[-_]run|workspaces?|include[-_]workspace[-_]root|json|pack[-_]destination|global)$/i;
/**
 * Runs `npm <args>` in `cwd`, so npm resolves its own configuration there (project and user
 * `.npmrc`, scoped registries, `${VAR}` auth from the environment). Lifecycle scripts are off.
 * Resolves with stdout; rejects with an NpmError carrying npm's code and summary.
 */
async function runNpm(args, opts) {
    // Loaded here: most checks never run npm, and the module costs a few ms at start.
    const { execFile } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1421, 19));
    const env = {};
    for (const [k, v] of Object.entries(opts.env))
        if (!OVERRIDDEN.test(k))
            env[k] = v;
    env.npm_config_ignore_scripts = 'true';
    const windows = process.platform === 'win32';
    return new Promise((resolve, reject) => {
        execFile(windows ? 'npm.cmd' : 'npm', 
        // npm.cmd can only be started through the shell on Windows; our arguments never hold quotes.
        windows ? args.map((a) => `"${a}"`) : args, {
            cwd: opts.cwd,
            env,
            shell: windows,
            timeout: opts.timeoutMs,
            maxBuffer: 64 * 1024 * 1024,
            windowsHide: true,
        }, (err, stdout, stderr) => {
            if (!err)
                return resolve(stdout);
            const what = `npm ${args[0]}`;
            if (err.killed && err.signal) {
                return reject(new NpmError(`${what} timed out after ${opts.timeoutMs / 1000} s`, 'ETIMEDOUT'));
            }
            const fromJson = jsonError(stdout);
            if (fromJson)
                return reject(new NpmError(`${what}: ${fromJson.message}`, fromJson.code));
            const code = /^npm (?:error|ERR!) code (\S+)/m.exec(stderr)?.[1];
            reject(new NpmError(`${what}: ${lastLines(stderr) || err.message}`, code));
        });
    });
}
/** With `--json`, npm prints its error as `{"error": {"code", "summary", "detail"}}` on stdout. */
function jsonError(stdout) {
    try {
        const error = JSON.parse(stdout).error;
        if (!error || typeof error.summary !== 'string')
            return undefined;
        const code = typeof error.code === 'string' ? error.code : undefined;
        return { code, message: code ? `${code} ${error.summary}` : error.summary };
    }
    catch {
        return undefined;
    }
}
function lastLines(text) {
    return text
        .split('\n')
        .map((l) => l.replace(/^npm (error|ERR!) ?/, '').trim())
        .filter((l) => l && !/^A complete log of this run/.test(l) && !/\.log$/.test(l))
        .slice(-3)
        .join(' ');
}

;// CONCATENATED MODULE: ./build/src/sources/npm-dir.js






/**
 * The files npm would publish from a package folder, as npm itself computes them
 * (`npm pack --dry-run --json --ignore-scripts`): lifecycle scripts never run. npm writes a
 * debug log and cache files on every run, and may check for its own update: its cache and logs
 * go to a temporary folder removed after, the update check is off, and so is Node's compile
 * cache (Node 22+ keeps one in the temp folder). Flags, so that no
 * `.npmrc` of the checked folder can send them elsewhere (npm ranks the command line first).
 */
async function npmPackList(dir, artifact) {
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'packguard-npm-'));
    let stdout;
    try {
        stdout = await runNpm([
            'pack',
            '--dry-run',
            '--json',
            '--ignore-scripts',
            '--workspaces=false',
            `--cache=${(0,external_node_path_.join)(scratch, 'cache')}`,
            `--logs-dir=${(0,external_node_path_.join)(scratch, 'logs')}`,
            '--update-notifier=false',
            '--audit=false',
            '--fund=false',
        ], 
        // Node 22+ lets npm keep a compile cache in the temp folder: not here.
        { cwd: dir, env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' }, timeoutMs: 120_000 });
    }
    catch (err) {
        throw new ArtifactError(artifact, `npm pack --dry-run failed: ${err.message.replace(/^npm pack: /, '')}`);
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
    let parsed;
    try {
        parsed = JSON.parse(stdout);
    }
    catch {
        throw new ArtifactError(artifact, 'npm pack --dry-run printed no JSON file list');
    }
    const files = parsed[0]?.files;
    if (!Array.isArray(files))
        throw new ArtifactError(artifact, 'npm pack --dry-run listed no files');
    return files.map((f) => f.path).sort();
}
/** Reads exactly the files npm would publish from `dir`, as entries. */
async function* readNpmDir(dir, artifact, opts) {
    for (const path of await npmPackList(dir, artifact))
        yield await readPath(dir, path, opts);
}

;// CONCATENATED MODULE: ./build/src/sources/sniff.js
const UNSUPPORTED = [
    ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
    ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
    ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
    ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
];
/** `!<arch>\n`: a .deb, a static library. */
const AR = [0x21, 0x3c, 0x61, 0x72, 0x63, 0x68, 0x3e, 0x0a];
const BZH = [0x42, 0x5a, 0x68];
/** Recognizes an archive by magic bytes, never by its extension. `head` is the first 512 bytes. */
function sniff(head) {
    if (head.length === 0)
        return { kind: 'empty' };
    if (startsWith(head, [0x1f, 0x8b]))
        return { kind: 'gzip' };
    if (startsWith(head, [0x50, 0x4b]) &&
        [0x0304, 0x0506, 0x0708].includes(head.readUInt16BE(2) ?? 0)) {
        return { kind: 'zip' };
    }
    if (head.length >= 512 &&
        (head.toString('latin1', 257, 262) === 'ustar' || tarChecksumOk(head))) {
        return { kind: 'tar' };
    }
    if (startsWith(head, AR))
        return { kind: 'ar' };
    for (const [name, magic] of UNSUPPORTED)
        if (startsWith(head, magic))
            return { kind: 'unsupported', name };
    if (isBzip2(head))
        return { kind: 'unsupported', name: 'bzip2' };
    return { kind: 'unknown' };
}
/**
 * `BZh`, a block size digit, then the magic of a first block (the digits of pi) or of the end
 * of stream (of sqrt(pi)): three letters alone would make text files starting `BZh` archives.
 */
function isBzip2(h) {
    if (h.length < 10 || !startsWith(h, BZH) || h[3] < 0x31 || h[3] > 0x39)
        return false;
    const block = h.toString('hex', 4, 10);
    return block === '314159265359' || block === '177245385090';
}
function startsWith(buf, magic) {
    return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}
/** A pre-POSIX (v7) tar header has no magic: its checksum field is what identifies it. */
function tarChecksumOk(h) {
    const field = h
        .toString('latin1', 148, 156)
        .replace(/[\0 ]+$/, '')
        .trim();
    if (!/^[0-7]+$/.test(field))
        return false;
    let sum = 0;
    for (let i = 0; i < 512; i++)
        sum += i >= 148 && i < 156 ? 0x20 : h[i];
    return sum === parseInt(field, 8) && h[0] !== 0;
}

// EXTERNAL MODULE: ./build/src/sources/paths.js
var paths = __nccwpck_require__(5800);
;// CONCATENATED MODULE: ./build/src/sources/tar/body-queue.js
/**
 * The data of an entry streamed as `Entry.body`: the parser queues its chunks as it reads them,
 * the consumer takes them as it iterates, and asks for more input when the queue runs dry.
 */
class BodyQueue {
    chunks = [];
    /** Set when the entry's data has ended and what follows it is known (next header or end). */
    released = false;
    /** The consumer no longer wants the bytes. */
    discard = false;
    push(chunk) {
        if (!this.discard)
            this.chunks.push(chunk);
    }
    /** The body's chunks in order; `more` reads more input, and says false once it is over. */
    async *read(more) {
        try {
            for (;;) {
                const chunk = this.chunks.shift();
                if (chunk)
                    yield chunk;
                else if (this.released || !(await more()))
                    return;
            }
        }
        finally {
            // A consumer that stops early: the rest of the data is parsed but not kept.
            this.discard = true;
            this.chunks.length = 0;
        }
    }
}

;// CONCATENATED MODULE: ./build/src/sources/tar/trailing-data.js
const CHUNK = 64 * 1024;
const ZEROS = Buffer.alloc(CHUNK);
/** Watches the bytes after the tar end marker: zero padding is normal, anything else is not. */
class TrailingCheck {
    bytes = 0;
    firstData = -1;
    add(chunk) {
        if (this.firstData < 0) {
            const at = firstNonZero(chunk);
            if (at >= 0)
                this.firstData = this.bytes + at;
        }
        this.bytes += chunk.length;
    }
    /** A sentence for the finding, or undefined when only zeros (or nothing) follow the marker. */
    describe() {
        if (this.firstData < 0)
            return undefined;
        return `${this.bytes} bytes follow the tar end-of-archive marker and hold data (from byte ${this.firstData} after it); npm stops at the marker, other tools may extract them, and packguard did not check them`;
    }
}
/** Index of the first non-zero byte; compares against zeros natively, 64 KiB at a time. */
function firstNonZero(chunk) {
    for (let off = 0; off < chunk.length; off += CHUNK) {
        const part = chunk.subarray(off, off + CHUNK);
        if (part.equals(ZEROS.subarray(0, part.length)))
            continue;
        for (let i = 0; i < part.length; i++)
            if (part[i] !== 0)
                return off + i;
    }
    return -1;
}

;// CONCATENATED MODULE: ./build/src/sources/tar/entries.js







/**
 * Turns what the parser reads into the entries the consumer gets, in archive order. A small
 * file's data is gathered into its `content`; a file over STREAM_ABOVE is handed on at its
 * header, its data queued for its `body`. The last entry waits (pending) for the next header or
 * the end of the input: if none comes, the archive's own issues (trailing data) are attached to
 * it before it is released.
 */
class TarEntries {
    opts;
    more;
    /** Entries the consumer may take, in archive order. */
    ready = [];
    /** A header was read (a checksum failure before any means the bytes were never a tar). */
    sawEntry = false;
    /** The path of the entry being read, for the budget's messages. */
    current = '';
    pending;
    /** The last entry was the root folder itself (`./`), not handed on: the archive's issues need it. */
    droppedLast;
    /** The body of the pending entry when it streams: released rather than queued. */
    pendingBody;
    /** The top folder to strip, decided by the first entry npm sees. */
    top;
    first = true;
    /** Where the current entry's data goes: a small file's pieces, a streamed body, or nowhere. */
    small;
    pieces = [];
    body;
    trailing = new TrailingCheck();
    /** `more` reads more input (for a body the consumer iterates); false once it is over. */
    constructor(opts, more) {
        this.opts = opts;
        this.more = more;
    }
    onEntry(h) {
        this.sawEntry = true;
        this.release();
        this.small = undefined;
        this.body = undefined;
        // The path npm writes (U+FFFD for bad bytes); rawPath keeps bad bytes apart (decodeName).
        const normalized = (0,paths/* normalizeEntryPath */.h1)(h.name.text);
        // The top folder is the first one npm sees: not that of a volume label it passes over.
        if (this.first && !h.skipped) {
            this.first = false;
            this.top = this.opts.top?.(normalized, h.type === 'directory');
        }
        const entry = entryOf(h, (0,paths/* stripTop */.w3)(normalized, this.top), this.opts.artifact);
        this.current = entry.path || entry.rawPath;
        this.opts.budget.addEntry(this.current);
        this.droppedLast = undefined;
        if (entry.type !== 'file') {
            if (entry.path !== '')
                this.pending = entry;
            else
                this.droppedLast = entry;
        }
        else if (!this.opts.budget.entryFits(entry.size)) {
            entry.unreadable = (0,limits/* tooLarge */.g$)(this.opts.budget);
            this.pending = entry;
        }
        else if (entry.size > body/* STREAM_ABOVE */.hP) {
            // Handed on now: its bytes are read as the consumer iterates the body.
            const body = new BodyQueue();
            entry.body = body.read(this.more);
            this.ready.push(entry);
            this.pending = entry;
            this.pendingBody = body;
            this.body = body;
        }
        else {
            this.small = entry;
        }
    }
    onData(chunk) {
        if (this.small)
            this.pieces.push(chunk);
        else
            this.body?.push(chunk);
    }
    onEntryEnd() {
        const entry = this.small;
        if (entry) {
            const pieces = this.pieces;
            entry.content = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
            // A fresh array: emptying this one (`length = 0`) is a runtime call, dearer than a new one.
            this.pieces = [];
            this.pending = entry;
        }
        this.small = undefined;
        this.body = undefined;
    }
    onTrailing(bytes) {
        this.trailing.add(bytes);
    }
    /** Hands on the pending entry: queued, or (streamed, so already handed on) its body ended. */
    release() {
        if (this.pendingBody)
            this.pendingBody.released = true;
        else if (this.pending)
            this.ready.push(this.pending);
        this.pending = undefined;
        this.pendingBody = undefined;
    }
    /** The input is over: data after the end marker of a `whole` archive is reported, then released. */
    finish(whole) {
        const junk = whole ? this.trailing.describe() : undefined;
        // An archive that ends with its root folder (`./`) has no last entry to carry the issue:
        // the folder is handed on for it, so the data after the marker is still reported.
        if (junk && !this.pending && this.droppedLast)
            this.pending = this.droppedLast;
        const e = this.pending;
        if (junk && e) {
            e.issues = [...(e.issues ?? []), { kind: 'trailing-data', path: '', detail: junk }];
        }
        this.release();
    }
}
/** The entry a header describes, at `path`. A file whose size cannot be read fails the read. */
function entryOf(h, path, artifact) {
    const rawPath = h.name.raw;
    const entry = {
        path,
        rawPath,
        type: h.type,
        mode: (h.mode ?? 0) & 0o7777,
        size: h.size ?? 0,
    };
    if (h.linkpath)
        entry.linkTarget = h.linkpath;
    if (h.ambiguous)
        addIssue(entry, { kind: 'ambiguous-name', path, detail: h.ambiguous });
    if (h.texts)
        entry.texts = h.texts.map((t) => ({ path: `${path}!pax:${t.key}`, text: t.value }));
    if (!h.name.valid) {
        addIssue(entry, {
            kind: 'invalid-utf8-name',
            path,
            detail: `its name is not valid UTF-8 ('${(0,sources_names/* showBytes */.ni)(rawPath)}'); npm writes it with U+FFFD in place of the bad bytes`,
        });
    }
    // node-tar reads a negative or garbled size as no size (an empty file, for npm too): the
    // bytes that follow are then parsed as headers, so the archive means what the reader wants.
    if (entry.type === 'file' && h.size === undefined) {
        throw new ArtifactError(artifact, `corrupt tar: ${rawPath} has a negative or unreadable size field`);
    }
    return entry;
}

;// CONCATENATED MODULE: ./build/src/sources/tar/errors.js


/** What is wrong with the tar; `message` is node-tar's wording. */
class TarFormatError extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.name = 'TarFormatError';
    }
}
/**
 * The error a failed read ends with, naming the artifact and the cause. A checksum failure before
 * any entry means the bytes were never a tar; after one, a damaged tar.
 */
function asFailure(err, sawEntry, artifact) {
    if (err instanceof ArtifactError || err instanceof limits/* LimitExceeded */.nP)
        return err;
    if (!(err instanceof TarFormatError))
        return gzipError(err, artifact);
    const cause = err.kind === 'not-tar' || (err.kind === 'checksum' && !sawEntry)
        ? 'not a tar archive (no valid tar header found)'
        : err.kind === 'checksum'
            ? 'corrupt tar: header checksum failure'
            : err.kind === 'truncated'
                ? `truncated tar: ${err.message}`
                : `unreadable tar: ${err.message}`;
    return new ArtifactError(artifact, cause);
}
/** Anything else a read meets comes from zlib or the file underneath. */
function gzipError(err, artifact) {
    const code = err.code ?? '';
    if (/^Z_|^ERR_ZLIB/.test(code) || /zlib|header check|end of file|invalid/i.test(err.message)) {
        return new ArtifactError(artifact, `corrupt or truncated gzip data (${err.message})`);
    }
    return new ArtifactError(artifact, `unreadable: ${err.message}`);
}

;// CONCATENATED MODULE: ./build/src/sources/tar/gzip.js

const gzip_CHUNK = 64 * 1024;
/**
 * The tar's bytes: the input gunzipped when its first bytes say gzip, as it is otherwise. Every
 * input byte counts toward the budget's compression ratio (unless the input is an archive
 * nested in another).
 */
async function tarBytes(input, opts) {
    const source = await sniffGzip(input, opts);
    if (source.gzip && source.head && opts.onTexts) {
        const texts = gzipHeaderTexts(source.head);
        if (texts.length > 0)
            opts.onTexts(texts);
    }
    return (source.gzip ? gunzipped(source.chunks) : source.chunks)[Symbol.asyncIterator]();
}
/** Looks at the first bytes to tell gzip from plain tar; the chunks come whole all the same. */
async function sniffGzip(input, opts) {
    const it = counted(input, opts);
    const head = await it.next();
    const rest = {
        [Symbol.asyncIterator]: () => it,
    };
    const chunks = head.done ? rest : prepend(head.value, rest);
    const gzip = !head.done && head.value.length >= 2 && head.value[0] === 0x1f && head.value[1] === 0x8b;
    return { gzip, chunks, head: head.done ? undefined : head.value };
}
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
/**
 * The FNAME and FCOMMENT fields of a gzip header (RFC 1952), read from the first chunk (a field
 * cut off by its end is read as far as it goes): text that ships with the archive and that no
 * extraction shows. Latin-1, as the RFC says.
 */
function gzipHeaderTexts(head) {
    const flags = head[3];
    let at = 10;
    if (flags & FEXTRA)
        at += 2 + (head.length >= 12 ? head.readUInt16LE(10) : 0);
    const texts = [];
    for (const [flag, path] of [
        [FNAME, '!gzip-name'],
        [FCOMMENT, '!gzip-comment'],
    ]) {
        if (!(flags & flag) || at >= head.length)
            continue;
        const end = head.indexOf(0, at);
        const stop = end < 0 ? head.length : end;
        texts.push({ path, text: head.toString('latin1', at, stop) });
        at = stop + 1;
    }
    return texts;
}
async function* counted(input, opts) {
    for await (const chunk of input) {
        if (opts.countCompressed !== false)
            opts.budget.addCompressed(chunk.length);
        yield chunk;
    }
}
async function* prepend(first, rest) {
    try {
        yield first;
        yield* rest;
    }
    finally {
        // Left at the first chunk, the rest (and the file it reads) must be stopped too.
        await rest[Symbol.asyncIterator]().return?.();
    }
}
/**
 * Node's own gunzip, which is what npm's tar uses underneath: every gzip member is read, one
 * after another, and a damaged or truncated stream is an error. Output comes in pieces with
 * backpressure, so a bomb is never held in memory.
 */
function gunzipped(chunks) {
    // zlib inflates on the thread pool: pieces of 256 KiB and 2 MiB of read-ahead let it work
    // while the tar is parsed, which keeps the read as fast as node-tar's own (synchronous) gunzip.
    // Node hands zlib options on to its Transform (highWaterMark is not in the zlib typings); were
    // it ignored, only speed would change.
    const options = { chunkSize: 4 * gzip_CHUNK, highWaterMark: 32 * gzip_CHUNK };
    const gz = (0,external_node_zlib_.createGunzip)(options);
    const fed = feed(chunks, gz);
    return {
        [Symbol.asyncIterator]() {
            const out = gz[Symbol.asyncIterator]();
            return {
                next: () => out.next(),
                // Stopping early resolves once the input has stopped too (its file closed).
                return: async () => {
                    const r = await out.return();
                    await fed;
                    return r;
                },
            };
        },
    };
}
/**
 * Writes each chunk to zlib and asks for the next only once zlib has consumed it, so the input
 * may reuse its buffers (see `fileChunks`). A failed read ends the output with that error;
 * output that closes first (damaged data, a consumer that stopped) ends the reading, whose
 * file is then closed: zlib never calls back for a write it was destroyed in the middle of.
 */
async function feed(chunks, gz) {
    const closed = new Promise((resolve) => gz.once('close', () => resolve(false)));
    try {
        for await (const chunk of chunks) {
            const written = new Promise((resolve) => gz.write(chunk, (err) => resolve(!err)));
            if (!(await Promise.race([written, closed])))
                return;
        }
        gz.end();
    }
    catch (err) {
        gz.destroy(err);
    }
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./build/src/sources/tar/fields.js



// The fields of a tar header (text, names, numbers, the checksum), decoded the way node-tar's
// strict Parser decodes them (what npm extracts), quirks included.
const BLOCK = 512;
const USTAR = Buffer.from('ustar\u000000', 'latin1');
const SLASH = Buffer.from('/');
/**
 * Reads a NUL-padded text field as node-tar does: up to the first NUL, but node-tar cuts with the
 * regex NUL_TO_EOL (pax.ts), whose `.` stops at a line break, so a line break after the NUL keeps
 * what follows it (later NULs included).
 */
function slice(buf, start, len) {
    const end = start + len;
    let nul = start;
    while (nul < end && buf[nul] !== 0)
        nul++;
    const brk = lineBreak(buf, nul + 1, end);
    if (brk < 0)
        return { buf, start, end: nul };
    const kept = Buffer.concat([buf.subarray(start, nul), buf.subarray(brk, end)]);
    return { buf: kept, start: 0, end: kept.length };
}
/** `slice` without the odd case: where the field ends, or -1 when a line break follows its NUL. */
function fieldEnd(buf, start, len) {
    const end = start + len;
    let nul = start;
    while (nul < end && buf[nul] !== 0)
        nul++;
    return lineBreak(buf, nul + 1, end) < 0 ? nul : -1;
}
/** The first line break (LF, CR, U+2028, U+2029 in UTF-8) in [from, end), or -1. */
function lineBreak(buf, from, end) {
    // Mostly the rest of a field is NUL padding: ruled out first, four bytes at a time.
    let any = 0;
    let i = from;
    for (; i + 4 <= end; i += 4)
        any |= buf[i] | buf[i + 1] | buf[i + 2] | buf[i + 3];
    for (; i < end; i++)
        any |= buf[i];
    if (any === 0)
        return -1;
    for (let i = from; i < end; i++) {
        const b = buf[i];
        if (b === 0x0a || b === 0x0d)
            return i;
        if (b === 0xe2 && i + 2 < end && buf[i + 1] === 0x80 && (buf[i + 2] & 0xfe) === 0xa8)
            return i;
    }
    return -1;
}
const bytesOf = (s) => s.buf.subarray(s.start, s.end);
/** The header's own name: the name field, after the ustar prefix and a `/` when there is one. */
function fieldName(name, prefix) {
    if (isAscii(name) && (!prefix || isAscii(prefix))) {
        let text = name.buf.toString('latin1', name.start, name.end);
        if (prefix)
            text = `${prefix.buf.toString('latin1', prefix.start, prefix.end)}/${text}`;
        return { text, raw: text, valid: true };
    }
    return nameOf(prefix ? Buffer.concat([bytesOf(prefix), SLASH, bytesOf(name)]) : bytesOf(name));
}
function endsWithSlash(s) {
    return s.end > s.start && s.buf[s.end - 1] === 0x2f;
}
function isAscii(s) {
    for (let i = s.start; i < s.end; i++)
        if (s.buf[i] >= 0x80)
            return false;
    return true;
}
/** node-tar's checksum: the unsigned sum of the header bytes, its checksum field read as 8 spaces. */
function checksum(buf, off) {
    // Four sums at a time: the header is read for every entry, this is most of its cost.
    let a = 8 * 0x20;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = off; i < off + 148; i += 4) {
        a += buf[i];
        b += buf[i + 1];
        c += buf[i + 2];
        d += buf[i + 3];
    }
    for (let i = off + 156; i < off + BLOCK; i += 4) {
        a += buf[i];
        b += buf[i + 1];
        c += buf[i + 2];
        d += buf[i + 3];
    }
    return a + b + c + d;
}
function isUstar(buf, off) {
    for (let i = 0; i < 8; i++)
        if (buf[off + 257 + i] !== USTAR[i])
            return false;
    return true;
}
function nameOf(bytes) {
    const text = bytes.toString('utf8');
    if ((0,external_node_buffer_namespaceObject.isUtf8)(bytes))
        return { text, raw: text, valid: true };
    return { text, raw: (0,sources_names/* decodeName */.e4)(bytes).text, valid: false };
}
/**
 * A numeric field as node-tar reads it: base-256 when the first byte has its top bit set (0x80
 * positive, 0xff negative, anything else rejected), otherwise `parseInt(text.trim(), 8)`:
 * leading white space, a sign, octal digits up to the first other byte. undefined if no digit.
 */
function readNumber(buf, off, len) {
    if (buf[off] & 0x80)
        return base256(buf, off, len);
    const end = off + len;
    let i = off;
    for (; i < end; i++) {
        const b = buf[i];
        if (b !== 0x20 && (b < 0x09 || b > 0x0d))
            break;
    }
    // Unicode white space (U+00A0, U+FEFF...) is trimmed too: read as node-tar does.
    if (i < end && buf[i] >= 0x80) {
        const v = parseInt(buf.toString('utf8', off, end).replace(/\0.*$/, '').trim(), 8);
        return isNaN(v) ? undefined : v;
    }
    let neg = false;
    if (i < end && (buf[i] === 0x2b || buf[i] === 0x2d))
        neg = buf[i++] === 0x2d;
    const first = i;
    let v = 0;
    for (; i < end; i++) {
        const d = buf[i] - 0x30;
        if (d < 0 || d > 7)
            break;
        v = v * 8 + d;
    }
    if (i === first)
        return undefined;
    return neg ? -v : v;
}
function base256(buf, off, len) {
    let v = 0;
    if (buf[off] === 0x80) {
        for (let i = off + 1; i < off + len; i++)
            v = v * 256 + buf[i];
    }
    else if (buf[off] === 0xff) {
        // Two's complement, as node-tar's large-numbers reads it.
        let flipped = false;
        for (let i = off + len - 1; i >= off; i--) {
            const b = buf[i];
            let f;
            if (flipped)
                f = 0xff ^ b;
            else if (b === 0)
                f = 0;
            else {
                flipped = true;
                f = ((0xff ^ b) + 1) & 0xff;
            }
            if (f !== 0)
                v -= f * Math.pow(256, off + len - 1 - i);
        }
    }
    else {
        throw new TarFormatError('invalid', 'invalid base256 encoding');
    }
    if (!Number.isSafeInteger(v)) {
        throw new TarFormatError('invalid', 'parsed number outside of javascript safe integer range');
    }
    return v;
}

;// CONCATENATED MODULE: ./build/src/sources/tar/pax.js



// pax records ('x', 'g') and GNU long names ('L', 'K'): what an extension header sets for the
// entry after it (or, global, for all), read the way node-tar's strict Parser reads it.
/** node-tar's cut of text at a NUL: no `s` flag, so it stops at a line break. */
const NUL_TO_EOL = /\0.*/;
/**
 * The extension records in force: `local` for the next entry, `global` for every entry after. An
 * extension header's data is applied once whole; the next entry's header clears `local`.
 */
class Extensions {
    local;
    global;
    /** Applies the data of an extension header with type flag `code`, as node-tar does. */
    apply(code, data) {
        switch (code) {
            case 'x':
            case 'X':
                this.local = paxRecords(data, this.local);
                break;
            case 'g':
                this.global = paxRecords(data, this.global);
                break;
            case 'K':
                this.local = { ...this.local, linkpath: cutAtNul(nameOf(data)) };
                if (innerNul(data))
                    this.local.nul = [...(this.local.nul ?? []), 'GNU long link name'];
                break;
            default:
                this.local = { ...this.local, path: cutAtNul(nameOf(data)), pathFrom: 'GNU long name' };
                if (innerNul(data))
                    this.local.nul = [...(this.local.nul ?? []), 'GNU long name'];
        }
    }
}
/** node-tar's cut of a GNU long name (NUL_TO_EOL), applied to both spellings. */
function cutAtNul(name) {
    const text = name.text.replace(NUL_TO_EOL, '');
    const raw = name.raw.replace(NUL_TO_EOL, '');
    return { text, raw, valid: name.valid || raw === text };
}
/**
 * Applies pax records as node-tar's Pax.parse does: `len key=value\n` lines read from the UTF-8
 * text (U+FFFD for bad bytes), a line whose length is wrong skipped. The raw spelling of a path
 * comes from the same lines read without loss.
 */
function paxRecords(data, into) {
    const out = { ...into };
    const text = data.toString('utf8');
    const lines = text.replace(/\n$/, '').split('\n');
    const rawLines = (0,external_node_buffer_namespaceObject.isUtf8)(data) ? undefined : (0,sources_names/* decodeName */.e4)(data).text.replace(/\n$/, '').split('\n');
    lines.forEach((line, i) => {
        const n = parseInt(line, 10);
        if (n !== Buffer.byteLength(line) + 1)
            return;
        const kv = line.slice(`${n} `.length).split('=');
        const k = kv.shift()?.replace(/^SCHILY\.(dev|ino|nlink)/, '$1');
        if (!k)
            return;
        const whole = kv.join('=');
        const v = whole.replace(NUL_TO_EOL, '');
        switch (k) {
            case 'path':
            case 'linkpath':
                out[k] = paxName(v, rawLines?.[i], n);
                if (k === 'path')
                    out.pathFrom = 'pax path';
                // node-tar cuts the value at the NUL; tools that do not read another name.
                if (v !== whole)
                    out.nul = [...(out.nul ?? []), `pax ${k}`];
                break;
            case 'size': {
                const s = +v;
                if (s >= 0)
                    out.size = s;
                break;
            }
            case 'uid':
            case 'gid':
            case 'mtime':
            case 'atime':
            case 'ctime':
                out[k] = true;
                break;
            default:
                if (k === 'comment' || XATTR.test(k))
                    out.texts = [...(out.texts ?? []), paxText(k, v)];
        }
    });
    return out;
}
const XATTR = /^(SCHILY|LIBARCHIVE)\.xattr\./;
/** libarchive writes an attribute's value in base64; shown decoded when it decodes to text. */
function paxText(key, value) {
    if (!key.startsWith('LIBARCHIVE.') || !/^[A-Za-z0-9+/]+={0,2}$/.test(value))
        return { key, value };
    return { key, value: Buffer.from(value, 'base64').toString('latin1') };
}
function paxName(text, rawLine, n) {
    if (rawLine === undefined)
        return { text, raw: text, valid: true };
    const kv = rawLine.slice(`${n} `.length).split('=');
    kv.shift();
    const raw = kv.join('=').replace(NUL_TO_EOL, '');
    if (raw === text)
        return { text, raw, valid: true };
    // Both spellings come from the same bytes; should they ever disagree, keep npm's.
    return (0,sources_names/* encodeName */.aA)(raw).toString('utf8') === text
        ? { text, raw, valid: false }
        : { text, raw: text, valid: !text.includes('\ufffd') };
}
/** A GNU long name ends with a NUL (and padding): one followed by more text hides a second name. */
function innerNul(data) {
    const at = data.indexOf(0);
    if (at < 0)
        return false;
    for (let i = at + 1; i < data.length; i++)
        if (data[i] !== 0)
            return true;
    return false;
}
/**
 * Whether the name in a header's own fields (what a reader that ignores pax and GNU records
 * shows) names the same file as the pax path or GNU long name npm uses. Writers put the same
 * name there, or what fits of a long one: its first bytes (GNU tar, Python, node-tar), `?` for
 * each non-ASCII character (Python), its folder's start with its file name's start and end
 * (libarchive). Anything else names another file.
 */
function sameName(own, long) {
    if (own === long)
        return true;
    // eslint-disable-next-line no-control-regex
    const ascii = long.replace(/[^\u0000-\u007f]/gu, '?');
    if (own === ascii)
        return true;
    // Only a name too long for the header's fields is shortened.
    if (own === '' || Buffer.byteLength(long) < 100)
        return false;
    if (long.startsWith(own) || ascii.startsWith(own))
        return true;
    return abbreviates(own, long) || abbreviates(own, ascii);
}
function abbreviates(own, long) {
    const o = own.lastIndexOf('/');
    const l = long.lastIndexOf('/');
    const [ownDir, ownBase] = [own.slice(0, o + 1), own.slice(o + 1)];
    const [longDir, longBase] = [long.slice(0, l + 1), long.slice(l + 1)];
    // The folder may be cut anywhere, even inside a segment.
    const cut = ownDir.slice(0, -1);
    if (ownBase === '' || !longDir.startsWith(cut) || ownBase.length > longBase.length)
        return false;
    for (let k = 1; k <= ownBase.length; k++) {
        if (longBase.startsWith(ownBase.slice(0, k)) && longBase.endsWith(ownBase.slice(k)))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./build/src/sources/tar/header.js




/** A block of zeros (its checksum field unreadable): two in a row end the archive. */
const NULL_BLOCK = { kind: 'null' };
/** Type flags pax records apply to; other types get only their own header's fields. */
const NORMAL = new Set(['', '0', '1', '2', '3', '4', '5', '6', '7', 'D']);
const EXTENSION = new Set(['x', 'X', 'g', 'L', 'N', 'K']);
const TYPES = {
    '': 'file',
    '0': 'file',
    '7': 'file',
    '1': 'hardlink',
    '2': 'symlink',
    '3': 'char-device',
    '4': 'block-device',
    '5': 'directory',
    '6': 'fifo',
};
/**
 * Decodes the 512-byte header block at `off` as node-tar's strict Parser does (what npm
 * extracts), field quirks included: only what an entry needs (name, link, mode, size, type),
 * a name's raw bytes kept. Throws TarFormatError for a header node-tar rejects.
 */
function readHeader(buf, off, ext) {
    const t = buf[off + 156];
    const flag = t === 0 ? '' : t < 0x80 ? String.fromCharCode(t) : '\ufffd';
    const normal = NORMAL.has(flag);
    const ex = normal ? ext.local : undefined;
    const gex = normal ? ext.global : undefined;
    // The fields node-tar decodes, in its order: a bad base-256 field rejects the header.
    const mode = readNumber(buf, off + 100, 8);
    if (!ex?.uid && !gex?.uid)
        readNumber(buf, off + 108, 8);
    if (!ex?.gid && !gex?.gid)
        readNumber(buf, off + 116, 8);
    let size = ex?.size ?? gex?.size ?? readNumber(buf, off + 124, 12);
    if (size !== undefined && size < 0)
        size = undefined;
    if (!ex?.mtime && !gex?.mtime)
        readNumber(buf, off + 136, 12);
    // node-tar reads 12 bytes here, past the 8 of the field.
    const cksum = readNumber(buf, off + 148, 12);
    const ustar = isUstar(buf, off);
    if (ustar) {
        readNumber(buf, off + 329, 8);
        readNumber(buf, off + 337, 8);
        if (buf[off + 475] === 0) {
            if (!ext.local?.atime && !ext.global?.atime)
                readNumber(buf, off + 476, 12);
            if (!ext.local?.ctime && !ext.global?.ctime)
                readNumber(buf, off + 488, 12);
        }
    }
    const sum = checksum(buf, off);
    if (cksum === undefined && sum === 8 * 0x20)
        return NULL_BLOCK;
    if (cksum !== sum)
        throw new TarFormatError('checksum', 'checksum failure');
    // node-tar's header path: the pax or GNU name, or the name field, after the ustar prefix.
    const exPath = ex?.path;
    const field = exPath ? undefined : slice(buf, off, 100);
    let prefix;
    if (ustar) {
        const p = slice(buf, off + 345, buf[off + 475] !== 0 ? 155 : 130);
        // A 155-byte prefix (its last bytes set) is joined even when it reads empty.
        if (buf[off + 475] !== 0 || p.end > p.start)
            prefix = p;
    }
    const empty = field ? field.end === field.start : exPath?.text === '';
    if (!prefix && empty)
        throw new TarFormatError('invalid', 'path is required');
    const code = flag === '' ? '0' : flag;
    const isLink = code === '1' || code === '2';
    const noLink = buf[off + 157] === 0 && fieldEnd(buf, off + 157, 100) >= 0;
    if (isLink && noLink)
        throw new TarFormatError('invalid', 'linkpath required');
    if (!isLink && code !== 'x' && code !== 'g' && !noLink) {
        throw new TarFormatError('invalid', 'linkpath forbidden');
    }
    if (EXTENSION.has(code)) {
        // node-tar decides with its ReadEntry size, where pending pax sizes apply to these too.
        const declared = ext.global?.size ?? ext.local?.size ?? size ?? 0;
        return { kind: 'extension', code, size: size ?? 0, declared };
    }
    let type = (normal && TYPES[flag]) || 'other';
    // Old tars mark a folder as a file whose name ends in '/'; folders have no data.
    if (code === '0' && (field ? endsWithSlash(field) : exPath?.text.endsWith('/'))) {
        type = 'directory';
    }
    if (type === 'directory')
        size = 0;
    // The name npm writes: a pax or GNU name wins outright (node-tar's ReadEntry path).
    const name = exPath ?? fieldName(field, prefix);
    let linkpath = noLink ? '' : nameOf(bytesOf(slice(buf, off + 157, 100))).text;
    linkpath = gex?.linkpath?.text ?? ex?.linkpath?.text ?? linkpath;
    const texts = [...(gex?.texts ?? []), ...(ex?.texts ?? [])];
    const header = { kind: 'entry', name, type, mode, size, linkpath, skipped: !normal };
    if (texts.length > 0)
        header.texts = texts;
    // Only entries with a pax or GNU name pay for the comparison.
    if (ex?.nul || exPath) {
        const why = ambiguity(ex, fieldName(slice(buf, off, 100), prefix));
        if (why)
            header.ambiguous = why;
    }
    return header;
}
/** Why the extension records and the header's own fields name the entry differently, if they do. */
function ambiguity(ex, own) {
    if (ex.nul) {
        return `its ${ex.nul.join(' and ')} holds a NUL: npm cuts the name there, other tools read it whole or refuse it`;
    }
    const long = ex.path;
    if (sameName(own.text, long.text))
        return undefined;
    return `its ${ex.pathFrom ?? 'pax path'} '${(0,sources_names/* showBytes */.ni)(long.raw)}' and its header name '${(0,sources_names/* showBytes */.ni)(own.raw)}' differ: npm uses the first, tools that ignore ${ex.pathFrom === 'GNU long name' ? 'GNU long names' : 'pax records'} the second`;
}

;// CONCATENATED MODULE: ./build/src/sources/tar/parser.js




/** node-tar skips (does not apply) pax and GNU records larger than this. */
const MAX_EXTENSION = 1024 * 1024;
/**
 * A synchronous push parser that reads what node-tar's strict Parser reads (what npm extracts):
 * `write()` chunks as they come, `end()` when the input is over. It calls the handlers as
 * entries, data and the end marker are read, and throws TarFormatError (or whatever a handler
 * throws) at the first problem; it reads nothing more after that.
 */
class TarParser {
    handlers;
    current = 'header';
    /** After end() or a problem: nothing more is read. */
    closed = false;
    /** A header block that arrived in pieces. */
    head = Buffer.alloc(BLOCK);
    headFill = 0;
    /** Of the current body: data bytes not read yet, bytes to its last block's end, bytes read. */
    dataLeft = 0;
    blockLeft = 0;
    consumed = 0;
    /** What the padding being read ends: an entry's data, or an extension record's. */
    padded = 'data';
    /** An extension record's data, and its type flag, until the record is whole. */
    parts = [];
    code = '';
    ext = new Extensions();
    sawNull = false;
    /** node-tar's `state !== 'begin'` and `sawValidEntry`: both must hold for a tar. */
    begun = false;
    sawValid = false;
    constructor(handlers) {
        this.handlers = handlers;
    }
    get state() {
        return this.current;
    }
    /** The end-of-archive marker has been read. */
    get ended() {
        return this.current === 'end';
    }
    write(chunk) {
        if (this.closed)
            return;
        try {
            this.feed(chunk);
        }
        catch (err) {
            this.closed = true;
            throw err;
        }
    }
    /** The input is over: a body cut short or a stream that never held a tar is an error. */
    end() {
        if (this.closed)
            return;
        this.closed = true;
        if (this.current !== 'header' && this.current !== 'end') {
            // As node-tar: the entry ends with what arrived, then the error.
            const have = this.consumed % BLOCK;
            const needed = this.blockLeft + have;
            if (this.current === 'data' || (this.current === 'padding' && this.padded === 'data')) {
                this.handlers.onEntryEnd();
            }
            throw new TarFormatError('truncated', `Truncated input (needed ${needed} more bytes, only ${have} available)`);
        }
        if (!this.begun || !this.sawValid) {
            throw new TarFormatError('not-tar', 'Unrecognized archive format');
        }
    }
    feed(chunk) {
        const len = chunk.length;
        let at = 0;
        while (at < len) {
            switch (this.current) {
                case 'header':
                    at = this.header(chunk, at);
                    break;
                case 'data':
                    at = this.data(chunk, at);
                    break;
                case 'extension':
                    at = this.extension(chunk, at);
                    break;
                case 'skip':
                case 'padding':
                    at = this.pass(chunk, at);
                    break;
                case 'end':
                    this.handlers.onTrailing?.(at === 0 ? chunk : chunk.subarray(at));
                    return;
            }
        }
    }
    /** Reads one header block, whole from the chunk or gathered from several. */
    header(chunk, at) {
        if (this.headFill === 0 && chunk.length - at >= BLOCK) {
            this.block(chunk, at);
            return at + BLOCK;
        }
        const n = Math.min(BLOCK - this.headFill, chunk.length - at);
        chunk.copy(this.head, this.headFill, at, at + n);
        this.headFill += n;
        if (this.headFill === BLOCK) {
            this.headFill = 0;
            this.block(this.head, 0);
        }
        return at + n;
    }
    block(buf, off) {
        const block = readHeader(buf, off, this.ext);
        if (block.kind === 'null') {
            // Two in a row end the archive, one alone is skipped.
            if (this.sawNull) {
                this.current = 'end';
                this.begun = true;
                this.handlers.onEnd?.();
            }
            this.sawNull = true;
            return;
        }
        this.sawNull = false;
        this.sawValid = true;
        if (block.kind === 'extension') {
            if (block.declared > MAX_EXTENSION) {
                this.begun = true;
                this.body('skip', block.size);
            }
            else if (block.declared > 0) {
                this.begun = true;
                this.code = block.code;
                this.body('extension', block.size);
            }
            return;
        }
        this.ext.local = undefined;
        this.begun = true;
        this.handlers.onEntry(block);
        this.body('data', block.size ?? 0);
    }
    body(state, size) {
        // A fractional pax size hands on its whole bytes, as node-tar does.
        this.dataLeft = Math.floor(size);
        this.blockLeft = BLOCK * Math.ceil(size / BLOCK);
        this.consumed = 0;
        if (state === 'skip')
            this.current = this.blockLeft > 0 ? 'skip' : 'header';
        else if (this.dataLeft > 0)
            this.current = state;
        else
            this.dataEnd(state);
    }
    /** An entry's data: handed on as views of the input. */
    data(chunk, at) {
        const n = Math.min(chunk.length - at, this.dataLeft);
        this.dataLeft -= n;
        this.handlers.onData(chunk.subarray(at, at + n));
        this.advance(n);
        if (this.dataLeft === 0)
            this.dataEnd('data');
        return at + n;
    }
    /** An extension record's data: kept until the record is whole, then applied. */
    extension(chunk, at) {
        const n = Math.min(chunk.length - at, this.dataLeft);
        this.dataLeft -= n;
        this.parts.push(chunk.subarray(at, at + n));
        this.advance(n);
        if (this.dataLeft === 0)
            this.dataEnd('extension');
        return at + n;
    }
    /** Padding, or a whole record node-tar skips: read past. */
    pass(chunk, at) {
        const n = Math.min(chunk.length - at, this.blockLeft);
        this.advance(n);
        if (this.blockLeft > 0)
            return at + n;
        if (this.current === 'padding')
            this.bodyEnd(this.padded);
        else
            this.current = 'header';
        return at + n;
    }
    advance(n) {
        this.blockLeft -= n;
        this.consumed += n;
    }
    /** The data is read: its padding comes next, if it has any. */
    dataEnd(state) {
        if (this.blockLeft === 0) {
            this.bodyEnd(state);
        }
        else {
            this.padded = state;
            this.current = 'padding';
        }
    }
    /** The body is read to its last block's end: the entry is over, or the record applies. */
    bodyEnd(state) {
        this.current = 'header';
        if (state === 'data') {
            this.handlers.onEntryEnd();
        }
        else {
            const parts = this.parts;
            this.parts = [];
            this.ext.apply(this.code, parts.length === 1 ? parts[0] : Buffer.concat(parts));
        }
    }
}

;// CONCATENATED MODULE: ./build/src/sources/tar/reader.js





/**
 * Reads a tar or gzipped tar as node-tar's strict Parser reads it (what npm extracts; see
 * TarParser) and yields its entries one by one, pulling input only as entries (and the bodies of
 * large files) are consumed: memory holds one input chunk's worth of entries. A file over
 * STREAM_ABOVE is handed on at its header with a `body` that reads its data as it is iterated.
 * Every unpacked byte (entry data, headers, what follows the end marker) counts toward the
 * budget, so skipped entries cannot hide a bomb. The archive must end with its end-of-archive
 * marker, or the read fails closed; data after the marker is reported on the last entry.
 */
async function* readTar(input, opts) {
    // The gzip header's texts ride on the first entry.
    let texts;
    const reader = new TarReader(input, { ...opts, onTexts: (t) => (texts = t) });
    const { entries } = reader;
    try {
        for (;;) {
            const e = entries.ready.shift();
            if (e) {
                if (texts) {
                    e.texts = [...texts, ...(e.texts ?? [])];
                    texts = undefined;
                }
                yield e;
                if (e.body)
                    await skipBody(e.body);
            }
            else if (!(await reader.step()) && entries.ready.length === 0) {
                return;
            }
        }
    }
    catch (err) {
        // What was read before the failure is still handed on, then the read fails.
        entries.release();
        for (const e of entries.ready.splice(0))
            if (!e.body)
                yield e;
        throw asFailure(err, entries.sawEntry, opts.artifact);
    }
    finally {
        // A read that failed or was left early stops its input, which closes the file.
        await reader.close();
    }
}
/**
 * The input side of one read: feeds the tar's bytes (gunzipped if need be) to the parser one
 * chunk at a time, when the entry loop or a body being iterated asks for more, counting each
 * toward the budget; at the end of input, checks that the archive ended as a tar must.
 */
class TarReader {
    input;
    opts;
    entries;
    parser;
    /** The tar's bytes, opened at the first step (gzip is told from the first chunk). */
    chunks;
    done = false;
    /** Once set, every step throws it: the read fails with one cause, whoever meets it first. */
    failure;
    constructor(input, opts) {
        this.input = input;
        this.opts = opts;
        this.entries = new TarEntries(opts, () => this.step());
        this.parser = new TarParser(this.entries);
    }
    /** Feeds one more input chunk to the parser; false once the input is over and checked. */
    async step() {
        if (this.failure)
            throw this.failure;
        if (this.done)
            return false;
        try {
            this.chunks ??= await tarBytes(this.input, this.opts);
            const next = await this.chunks.next();
            if (next.done) {
                this.done = true;
                this.finish();
                return false;
            }
            const chunk = next.value;
            const { artifact } = this.opts;
            // Bytes past the end marker are the archive's, not its last entry's.
            this.opts.budget.addBytes(chunk.length, this.parser.ended ? artifact : this.entries.current || artifact);
            this.parser.write(chunk);
            return true;
        }
        catch (err) {
            this.failure = asFailure(err, this.entries.sawEntry, this.opts.artifact);
            throw this.failure;
        }
    }
    /** Stops the input (which closes the file) when the read failed or was left early. */
    async close() {
        await this.chunks?.return?.();
    }
    /** At the end of input: the archive must have ended properly; what follows is reported. */
    finish() {
        let error;
        try {
            this.parser.end();
        }
        catch (err) {
            error = err;
        }
        if (!error && !this.parser.ended) {
            error = new ArtifactError(this.opts.artifact, 'truncated tar: the end-of-archive marker is missing');
        }
        this.entries.finish(!error);
        if (error)
            throw error;
    }
}
/** Reads past what the consumer left of a body. */
async function skipBody(body) {
    for await (const _ of body)
        void _;
}

;// CONCATENATED MODULE: ./build/src/sources/file-chunks.js

/**
 * A file's bytes in pieces of up to `size` bytes, the next read under way while the consumer
 * has the current piece. With `reuse`, pieces are read into two buffers in turn, so each is
 * valid only until the next is asked for: fresh memory for every piece costs a page fault per
 * 4 KiB, which on a virtual machine costs more than the gunzip of those bytes, and only a
 * consumer that keeps nothing of a piece (zlib) may take them. The file is closed once the
 * pieces end, fail or are left (the generator's `return` resolves after it is).
 */
async function* fileChunks(path, size, opts) {
    const fh = await (0,promises_.open)(path, 'r');
    const buffers = opts.reuse ? [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)] : [];
    let turn = 0;
    const read = () => {
        turn ^= 1;
        const reading = fh.read(buffers[turn] ?? Buffer.allocUnsafe(size), 0, size, null);
        // It may fail while the consumer still holds the last piece: handled when awaited, and
        // meanwhile no unhandled rejection (which ends the process).
        reading.catch(() => undefined);
        return reading;
    };
    let next = read();
    try {
        for (;;) {
            const { bytesRead, buffer } = await next;
            if (bytesRead === 0)
                return;
            next = read();
            yield buffer.subarray(0, bytesRead);
        }
    }
    finally {
        await next.catch(() => undefined);
        await fh.close();
    }
}

// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __nccwpck_require__(663);
;// CONCATENATED MODULE: ./build/src/sources/zip-data.js




/**
 * Reads a zip entry's data into `entry.content` (or `linkTarget`), never past max-entry-bytes
 * whatever size it declares: a size lie is reported, damaged data makes the entry unreadable,
 * and neither stops the rest of the zip from being read.
 */
async function readContent(zip, ze, local, entry, opts) {
    if (ze.isEncrypted()) {
        entry.unreadable = { kind: 'unsupported', detail: 'encrypted entry' };
        return;
    }
    if (ze.compressionMethod !== 0 && ze.compressionMethod !== 8) {
        entry.unreadable = {
            kind: 'unsupported',
            detail: `unsupported compression method ${ze.compressionMethod}`,
        };
        return;
    }
    const max = opts.budget.limits.maxEntryBytes;
    const stored = ze.compressionMethod === 0;
    if (!opts.budget.entryFits(ze.uncompressedSize) || (stored && ze.compressedSize > max)) {
        entry.unreadable = (0,limits/* tooLarge */.g$)(opts.budget);
        return;
    }
    const at = local.dataStart - ze.relativeOffsetOfLocalHeader;
    if (entry.type === 'file' && ze.uncompressedSize > body/* STREAM_ABOVE */.hP) {
        entry.body = streamData(zip, ze, local, entry, opts);
        return;
    }
    const got = at + ze.compressedSize <= local.head.length
        ? inline(local.head.subarray(at, at + ze.compressedSize), ze, entry.path, opts)
        : await readStream(zip, ze, local, entry.path, opts);
    if (judge(entry, ze, got.data.length, { ...got, crc: got.crc ?? (0,external_node_zlib_.crc32)(got.data) }, max))
        return;
    if (entry.type === 'symlink')
        entry.linkTarget = got.data.toString('utf8');
    else
        entry.content = got.data;
}
/**
 * Records a size lie or a CRC-32 that does not match the data (damaged, or altered after it was
 * zipped: pip refuses such a wheel), or why the data cannot be trusted; true when the entry is
 * unreadable.
 */
function judge(entry, ze, size, got, max) {
    if (size !== ze.uncompressedSize || got.over) {
        addIssue(entry, {
            kind: 'zip-mismatch',
            path: entry.path,
            detail: `it declares ${ze.uncompressedSize} bytes but its data ${got.over ? `unpacks to more than max-entry-bytes (${max})` : `holds ${size}`}`,
        });
    }
    else if (!got.error && got.crc !== undefined && got.crc !== ze.crc32) {
        addIssue(entry, {
            kind: 'zip-mismatch',
            path: entry.path,
            detail: `its data does not match its CRC-32 (${hex(got.crc)}, declared ${hex(ze.crc32)}): damaged, or altered after it was zipped`,
        });
    }
    if (got.over) {
        entry.unreadable = {
            kind: 'limit',
            detail: `its data unpacks past max-entry-bytes (${max}); not read`,
        };
        return true;
    }
    if (got.error) {
        entry.unreadable = { kind: 'corrupt', detail: `corrupt data (${got.error})` };
        return true;
    }
    return false;
}
/**
 * A large entry's data as it inflates, stopped at max-entry-bytes whatever size it declares.
 * What goes wrong (a size lie, damaged data) is recorded on the entry once its data has been
 * read, before the rules see the entry: the bytes already scanned do not make it clean.
 */
async function* streamData(zip, ze, local, entry, opts) {
    const got = { size: 0 };
    yield* dataChunks(zip, ze, local, entry.path, opts, got);
    judge(entry, ze, got.size, got, opts.budget.limits.maxEntryBytes);
}
const hex = (n) => n.toString(16).padStart(8, '0');
/** An entry's data as it inflates, never past max-entry-bytes; what went wrong goes to `got`. */
async function* dataChunks(zip, ze, local, path, opts, got) {
    const max = opts.budget.limits.maxEntryBytes;
    try {
        const stream = await lowLevel(zip, ze, local);
        try {
            for await (const c of stream) {
                got.size += c.length;
                if (got.size > max) {
                    got.over = true;
                    break;
                }
                opts.budget.addBytes(c.length, path);
                got.crc = (0,external_node_zlib_.crc32)(c, got.crc ?? 0);
                yield c;
            }
        }
        finally {
            stream.destroy();
        }
    }
    catch (err) {
        if (err instanceof limits/* LimitExceeded */.nP)
            throw err;
        got.error = err.message;
    }
}
function lowLevel(zip, ze, local) {
    return new Promise((resolve, reject) => zip.openReadStreamLowLevel(local.dataStart, ze.compressedSize, 0, ze.compressedSize, ze.compressionMethod === 8, ze.uncompressedSize, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream))));
}
/** The data of a small entry, already read: inflated at once, never past max-entry-bytes. */
function inline(packed, ze, path, opts) {
    const max = opts.budget.limits.maxEntryBytes;
    let data;
    try {
        data =
            ze.compressionMethod === 8
                ? (0,external_node_zlib_.inflateRawSync)(packed, { maxOutputLength: Math.max(1, max) })
                : Buffer.from(packed);
    }
    catch (err) {
        if (err.code === 'ERR_BUFFER_TOO_LARGE') {
            return { data: Buffer.alloc(0), over: true };
        }
        return { data: Buffer.alloc(0), error: err.message };
    }
    if (data.length > max)
        return { data: Buffer.alloc(0), over: true };
    opts.budget.addBytes(data.length, path);
    return { data };
}
/**
 * The entry's data, stopped at max-entry-bytes whatever size it declares (a size lie cannot make
 * it read more). Damaged data is returned as an error to report, not thrown: the other entries
 * of a zip can still be read.
 */
async function readStream(zip, ze, local, path, opts) {
    const chunks = [];
    const got = { size: 0 };
    for await (const c of dataChunks(zip, ze, local, path, opts, got))
        chunks.push(c);
    return { ...got, data: got.over ? Buffer.alloc(0) : Buffer.concat(chunks) };
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: ./build/src/sources/zip-source.js




const zip_source_CHUNK = 64 * 1024;
const openFd = (0,external_node_util_.promisify)(external_node_fs_.open);
const fstatFd = (0,external_node_util_.promisify)(external_node_fs_.fstat);
const closeFd = (0,external_node_util_.promisify)(external_node_fs_.close);
async function fileSource(path) {
    const fd = await openFd(path, 'r');
    const { size } = await fstatFd(fd);
    return {
        size,
        read: (position, length) => new Promise((resolve, reject) => {
            const buf = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
            if (buf.length === 0)
                return resolve(buf);
            (0,external_node_fs_.read)(fd, buf, 0, buf.length, position, (err, n) => err ? reject(err) : resolve(buf.subarray(0, n)));
        }),
        // Positional reads of our own: an fs stream on a shared fd closes it when destroyed.
        stream: (start, end) => {
            let pos = start;
            return new external_node_stream_.Readable({
                highWaterMark: zip_source_CHUNK,
                read() {
                    const n = Math.min(zip_source_CHUNK, end - pos);
                    if (n <= 0)
                        return void this.push(null);
                    const buf = Buffer.allocUnsafe(n);
                    (0,external_node_fs_.read)(fd, buf, 0, n, pos, (err, got) => {
                        if (err)
                            return this.destroy(err);
                        if (got === 0)
                            return this.destroy(new Error('unexpected end of file'));
                        pos += got;
                        this.push(got === n ? buf : buf.subarray(0, got));
                    });
                },
            });
        },
        close: () => closeFd(fd),
    };
}
/** The bytes of a file read ahead in windows of this size (a local header and a small entry's data). */
const WINDOW = 1024 * 1024;
/**
 * `src` with small reads served from windows read ahead: a zip's local headers and small
 * entries lie one after another, and reading each with its own call costs a round trip to the
 * file system thread pool per read. Two windows, the most recent, so that reads that alternate
 * between two places (local headers and a directory read from disk) do not evict each other.
 * A read larger than half a window goes to `src` as before.
 */
function readAhead(src) {
    let windows = [];
    return {
        ...src,
        read: async (position, length) => {
            if (length > WINDOW / 2)
                return src.read(position, length);
            let w = windows.find((x) => position >= x.start && position + length <= x.start + x.bytes.length);
            // A read that ends past the end of the file is served by a window that reaches the end.
            w ??= windows.find((x) => position >= x.start && x.start + x.bytes.length >= src.size);
            if (!w) {
                if (position >= src.size)
                    return Buffer.alloc(0);
                w = { start: position, bytes: await src.read(position, WINDOW) };
                windows = [w, ...windows.slice(0, 1)];
            }
            return w.bytes.subarray(position - w.start, position - w.start + length);
        },
    };
}
function bufferSource(buf) {
    return {
        size: buf.length,
        read: async (position, length) => buf.subarray(position, position + length),
        stream: (start, end) => external_node_stream_.Readable.from([buf.subarray(start, end)]),
        close: async () => { },
    };
}
/**
 * What yauzl reads through: the source seen from `shift` on. A zip with bytes in front of it
 * (a self-extractor stub, or a second zip glued before it) is read the way Python's zipfile
 * reads it, from where its central directory says it starts.
 */
class ShiftedReader extends yauzl.RandomAccessReader {
    source;
    shift;
    constructor(source, shift) {
        super();
        this.source = source;
        this.shift = shift;
    }
    _readStreamForRange(start, end) {
        return this.source.stream(start + this.shift, end + this.shift);
    }
    read(buffer, offset, length, position, callback) {
        this.source.read(position + this.shift, length).then((got) => {
            got.copy(buffer, offset);
            callback(got.length < length ? new Error('unexpected EOF') : null);
        }, (err) => callback(err));
    }
}
/**
 * `src` with the bytes from `start` on held in memory: yauzl reads the central directory two
 * small reads per entry, and served from memory they cost nothing.
 */
function withTail(src, start, tail) {
    return {
        ...src,
        read: async (position, length) => position >= start
            ? tail.subarray(position - start, position - start + length)
            : src.read(position, length),
    };
}

;// CONCATENATED MODULE: ./build/src/sources/zip.js








const S_IFMT = 0o170000;
const UNIX_TYPES = {
    0o100000: 'file',
    0o040000: 'directory',
    0o120000: 'symlink',
    0o020000: 'char-device',
    0o060000: 'block-device',
    0o010000: 'fifo',
    0o140000: 'socket',
};
const zip_UTF8_FLAG = 0x800;
const CENTRAL_IN_MEMORY = 64 * 1024 ** 2;
/**
 * Reads a zip (and .whl, .jar, .vsix, .nupkg, ...) through its central directory with yauzl,
 * as pip, Java's ZipFile and VS Code do. Names are decoded here rather than by yauzl so that
 * unsafe names become findings instead of a refusal to read the archive. Each local header is
 * checked against the directory, and bytes no entry accounts for are reported on the last
 * entry: that is where streaming readers and directory readers see different files.
 */
async function* readZip(source, opts) {
    const src = typeof source === 'string'
        ? readAhead(await fileSource(source).catch((err) => {
            throw new ArtifactError(opts.artifact, `cannot open: ${err.message}`);
        }))
        : bufferSource(source);
    try {
        const end = await findEnd(src);
        const zip = await openZip(await directoryInMemory(src, end), end?.prefix ?? 0, opts.artifact);
        const coverage = end && new Coverage(src, end, opts.frontScanned);
        const shift = end?.prefix ?? 0;
        let read = 0;
        try {
            for (;;) {
                const ze = await nextEntry(zip, opts.artifact);
                if (!ze)
                    break;
                read++;
                const entry = toEntry(ze);
                const texts = commentTexts(read === 1 ? zip : undefined, ze, entry.path);
                if (texts.length > 0)
                    entry.texts = texts;
                opts.budget.addEntry(entry.path || entry.rawPath);
                const local = await checkedLocalHeader(src, shift, ze, entry);
                if (local) {
                    const dataEnd = local.dataStart + ze.compressedSize;
                    const descriptor = (local.flags & DESCRIPTOR_FLAG) !== 0;
                    coverage?.add(shift + ze.relativeOffsetOfLocalHeader, shift + dataEnd, entry.path, descriptor);
                    if (entry.type === 'file' || entry.type === 'symlink') {
                        if (opts.countCompressed !== false)
                            opts.budget.addCompressed(ze.compressedSize);
                        await readContent(zip, ze, local, entry, opts);
                    }
                }
                if (read === zip.entryCount && coverage) {
                    for (const detail of await coverage.problems()) {
                        addIssue(entry, { kind: 'trailing-data', path: '', detail });
                    }
                }
                yield entry;
            }
        }
        finally {
            zip.close();
        }
        if (read === 0 && coverage) {
            const problems = await coverage.problems();
            if (problems.length > 0)
                throw new ArtifactError(opts.artifact, `zip with no entries: ${problems[0]}`);
        }
    }
    finally {
        await src.close();
    }
}
/** The source, with its central directory read in one go when it is of a sane size. */
async function directoryInMemory(src, end) {
    const start = end?.centralStart;
    if (start === undefined || start < 0 || start > src.size)
        return src;
    if (src.size - start > CENTRAL_IN_MEMORY)
        return src;
    return withTail(src, start, readableFlags(await src.read(start, src.size - start)));
}
const CENTRAL_SIGNATURE = 0x02014b50;
const STRONG_ENCRYPTION = 0x40;
/**
 * yauzl refuses a whole zip when one entry is flagged for strong encryption. In the central
 * directory held in memory, that flag becomes the plain encryption flag: the entry is then
 * reported as encrypted (never read, never clean) and the rest of the zip is still read.
 */
function readableFlags(central) {
    for (let at = 0; at + 46 <= central.length && central.readUInt32LE(at) === CENTRAL_SIGNATURE;) {
        if (central[at + 8] & STRONG_ENCRYPTION)
            central[at + 8] = (central[at + 8] & ~STRONG_ENCRYPTION) | 1;
        at +=
            46 +
                central.readUInt16LE(at + 28) +
                central.readUInt16LE(at + 30) +
                central.readUInt16LE(at + 32);
    }
    return central;
}
function toEntry(ze) {
    const bytes = ze.fileName;
    let raw;
    let valid = true;
    if (ze.generalPurposeBitFlag & zip_UTF8_FLAG)
        ({ text: raw, valid } = (0,sources_names/* decodeName */.e4)(bytes));
    else
        raw = yauzl.getFileNameLowLevel(ze.generalPurposeBitFlag, bytes, ze.extraFields, true);
    const madeByUnix = ze.versionMadeBy >> 8 === 3;
    const unixMode = madeByUnix ? ze.externalFileAttributes >>> 16 : 0;
    let type = raw.endsWith('/') ? 'directory' : 'file';
    if (unixMode & S_IFMT)
        type = UNIX_TYPES[unixMode & S_IFMT] ?? 'other';
    const entry = {
        path: (0,sources_names/* showBytes */.ni)((0,paths/* normalizeEntryPath */.h1)(raw)),
        rawPath: (0,sources_names/* lossy */.Vk)(raw),
        type,
        mode: unixMode & 0o7777,
        size: ze.uncompressedSize,
    };
    const other = ze.extraFields.length > 0 ? unicodePathIssue(ze) : undefined;
    if (other)
        addIssue(entry, { kind: 'ambiguous-name', path: entry.path, detail: other });
    if (!valid) {
        addIssue(entry, {
            kind: 'invalid-utf8-name',
            path: entry.path,
            detail: 'its name is flagged UTF-8 but is not (bad bytes shown as \\xNN); pip and Java refuse such a name',
        });
    }
    return entry;
}
/**
 * The archive's comment (on its first entry) and the entry's own: text that ships in the zip and
 * that no extraction shows. yauzl hands both over as bytes (decodeStrings off): read as latin1.
 */
function commentTexts(zip, ze, path) {
    const texts = [];
    const own = zip?.comment;
    if (own?.length)
        texts.push({ path: '!comment', text: Buffer.from(own).toString('latin1') });
    const c = ze.fileComment;
    if (c?.length)
        texts.push({ path: `${path}!comment`, text: Buffer.from(c).toString('latin1') });
    return texts;
}
function openZip(src, shift, artifact) {
    const options = {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: false,
        // Sizes are checked here (a lie is a finding, not a refusal to read the rest).
        validateEntrySizes: false,
    };
    return new Promise((resolve, reject) => {
        yauzl.fromRandomAccessReader(new ShiftedReader(src, shift), src.size - shift, options, (err, zip) => {
            if (err || !zip)
                reject(new ArtifactError(artifact, `not a readable zip: ${err?.message}`));
            else
                resolve(zip);
        });
    });
}
function nextEntry(zip, artifact) {
    return new Promise((resolve, reject) => {
        const onEntry = (e) => finish(() => resolve(e));
        const onEnd = () => finish(() => resolve(undefined));
        const onError = (err) => finish(() => reject(new ArtifactError(artifact, `corrupt zip: ${err.message}`)));
        const finish = (f) => {
            zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
            f();
        };
        zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
        zip.readEntry();
    });
}

;// CONCATENATED MODULE: ./build/src/sources/open.js










const open_CHUNK = 64 * 1024;
/**
 * Opens any supported artifact (tar, gzipped tar, zip family, folder, npm package folder),
 * deciding the format from magic bytes. Throws ArtifactError naming the file and the cause.
 */
async function openArtifact(path, opts) {
    const st = await (0,promises_.stat)(path).catch((err) => {
        throw new ArtifactError(path, err.code === 'ENOENT' ? 'no such file or directory' : err.message);
    });
    const budget = new limits/* Budget */.__(opts.limits);
    if (st.isDirectory()) {
        const isNpm = opts.pack && (await (0,promises_.stat)((0,external_node_path_.join)(path, 'package.json')).catch(() => undefined))?.isFile();
        return isNpm
            ? { format: 'npm-directory', entries: readNpmDir(path, path, { budget }), budget }
            : { format: 'directory', entries: readDir(path, { budget }), budget };
    }
    if (!st.isFile())
        throw new ArtifactError(path, 'not a regular file or directory');
    const head = await readHead(path);
    const kind = sniff(head);
    switch (kind.kind) {
        case 'zip':
            return { format: 'zip', entries: readZip(path, { artifact: path, budget }), budget };
        case 'gzip':
        case 'tar': {
            // Compressed input goes to zlib only, which keeps nothing of it: its buffers are reused.
            // A tar's pieces may be kept as small files' contents, so they are fresh.
            const gzip = kind.kind === 'gzip';
            const input = fileChunks(path, gzip ? 8 * open_CHUNK : open_CHUNK, { reuse: gzip });
            const top = topFolderFor(path, gzip);
            return {
                format: kind.kind === 'gzip' ? 'tar+gzip' : 'tar',
                entries: readTar(input, { artifact: path, budget, top }),
                budget,
            };
        }
        case 'empty':
            throw new ArtifactError(path, 'empty file (0 bytes): not an archive');
        case 'unsupported':
            throw new ArtifactError(path, `unsupported archive format: ${kind.name}`);
        case 'ar':
            // Read when nested (a .deb in a package); as the artifact itself, not yet.
            throw new ArtifactError(path, 'unsupported archive format: ar (a .deb or static library)');
        default:
            throw new ArtifactError(path, `not a supported archive (first bytes: ${open_hex(head.subarray(0, 8))})`);
    }
}
/**
 * npm strips the first folder of every path of a gzipped tarball, whatever its name: `package/`
 * as npm packs, but published tarballs also hold `owner-repo-sha/` (a GitHub archive). A
 * gzipped tar that starts with its top folder (a folder entry, or `<top>/package.json`) is read
 * the same way, so paths are those that install. Otherwise only `package/` or a folder named
 * like the file (`name-1.0.tar.gz` holding `name-1.0/`, as source releases are) is stripped: a
 * first entry `vendor/x` says nothing of the entries after it.
 */
function topFolderFor(archivePath, gzipped) {
    const stem = (0,external_node_path_.basename)(archivePath).replace(/\.(tar\.gz|tgz|tar|gz)$/i, '');
    return (firstPath, folder) => {
        const slash = firstPath.indexOf('/');
        const top = slash === -1 ? firstPath : firstPath.slice(0, slash);
        if (top === 'package' || top === stem)
            return top;
        const leads = folder ? slash === -1 : firstPath === `${top}/package.json`;
        return gzipped && top !== '' && leads ? top : undefined;
    };
}
async function readHead(path) {
    const fh = await (0,promises_.open)(path, 'r');
    try {
        const buf = Buffer.alloc(512);
        const { bytesRead } = await fh.read(buf, 0, 512, 0);
        return buf.subarray(0, bytesRead);
    }
    finally {
        await fh.close();
    }
}
function open_hex(b) {
    return [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');
}

;// CONCATENATED MODULE: ./build/src/sources/ar.js




const MAGIC = '!<arch>\n';
const HEADER = 60;
/**
 * Reads an `ar` archive from memory (a `.deb`: `debian-binary`, `control.tar.*`, `data.tar.*`;
 * a static library's objects), GNU and BSD long names included. Its members are files; the
 * symbol and long-name tables are not entries. A header that does not parse, or a member that
 * runs past the end, fails the read: what follows could not be told apart from data.
 */
function* readAr(bytes, opts) {
    if (bytes.toString('latin1', 0, 8) !== MAGIC) {
        throw new ArtifactError(opts.artifact, 'not an ar archive');
    }
    let names;
    let at = 8;
    while (at < bytes.length) {
        // Members start on an even offset: a lone '\n' pads an odd one.
        if (at + 1 === bytes.length && bytes[at] === 0x0a)
            break;
        if (at + HEADER > bytes.length || bytes.toString('latin1', at + 58, at + 60) !== '`\n') {
            throw new ArtifactError(opts.artifact, `corrupt ar archive: no member header at byte ${at}`);
        }
        const field = bytes.toString('latin1', at, at + 16).trimEnd();
        const size = Number(bytes.toString('latin1', at + 48, at + 58).trim());
        const mode = parseInt(bytes.toString('latin1', at + 40, at + 48).trim() || '0', 8);
        let data = at + HEADER;
        if (!/^\d+$/.test(bytes.toString('latin1', at + 48, at + 58).trim()) ||
            data + size > bytes.length) {
            throw new ArtifactError(opts.artifact, `corrupt ar archive: member at byte ${at} runs past the end`);
        }
        const next = data + size + (size % 2);
        let name;
        let length = size;
        if (field === '/' || field === '/SYM64/' || field.startsWith('__.SYMDEF')) {
            at = next;
            continue;
        }
        else if (field === '//') {
            names = bytes.subarray(data, data + size);
            at = next;
            continue;
        }
        else if (/^\/\d+$/.test(field) && names) {
            const from = Number(field.slice(1));
            const end = names.indexOf('/\n', from);
            name = names.subarray(from, end < 0 ? names.length : end);
        }
        else if (/^#1\/\d+$/.test(field)) {
            // BSD: the name is the first bytes of the data.
            const n = Number(field.slice(3));
            if (n > size)
                throw new ArtifactError(opts.artifact, `corrupt ar archive: name of member at byte ${at}`);
            name = bytes.subarray(data, data + n);
            data += n;
            length -= n;
        }
        else {
            name = Buffer.from(bytes
                .subarray(at, at + 16)
                .toString('latin1')
                .trimEnd()
                .replace(/\/$/, ''), 'latin1');
        }
        const raw = (0,sources_names/* decodeName */.e4)(name).text;
        const path = (0,sources_names/* showBytes */.ni)((0,paths/* normalizeEntryPath */.h1)(raw));
        opts.budget.addEntry(path || raw);
        const entry = {
            path,
            rawPath: (0,sources_names/* lossy */.Vk)(raw),
            type: 'file',
            mode: mode & 0o7777,
            size: length,
        };
        if (!opts.budget.entryFits(length))
            entry.unreadable = (0,limits/* tooLarge */.g$)(opts.budget);
        else {
            opts.budget.addBytes(length, path);
            entry.content = bytes.subarray(data, data + length);
        }
        yield entry;
        at = next;
    }
}

;// CONCATENATED MODULE: ./build/src/sources/nested.js








const nested_CHUNK = 64 * 1024;
/**
 * The entries of an archive found inside another (a .jar in a .zip, a .tgz in a .tgz, a .deb),
 * read from its bytes with the outer artifact's budget. Paths become `outer/x.jar!/inner/path`.
 * Returns undefined when the bytes are not an archive, and the format's name when they are one
 * that is not read (xz, bzip2, 7z, rar): that content was not checked. A gzip that holds no tar
 * (a `.js.gz` asset) yields its one decompressed file; so does a zstd one (by its magic) and a
 * brotli one (by its `.br` name: brotli has no magic). A script with a zip after it (an
 * executable jar, a Python zipapp) is read as that zip.
 */
function openNested(outer, budget) {
    const content = outer.content;
    const head = content ?? outer.head;
    if (!head || head.length === 0)
        return undefined;
    const sniffed = sniff(head.subarray(0, 512));
    const depth = (outer.depth ?? 0) + 1;
    const single = content ? singleFile(sniffed, outer.path) : undefined;
    if (single)
        return { entries: prefixed(one(outer, budget, single), outer.path, depth) };
    if (sniffed.kind === 'unsupported')
        return { unsupported: sniffed.name };
    if (!content)
        return undefined;
    const kind = sniffed.kind === 'unknown' && zipAfterScript(content, content) ? 'zip' : sniffed.kind;
    const zipOpts = { artifact: outer.path, budget, countCompressed: false, frontScanned: true };
    let inner;
    if (kind === 'zip')
        inner = readZip(content, zipOpts);
    else if (kind === 'tar')
        inner = readTar(chunks(content), tarOptions(outer, budget, false));
    else if (kind === 'gzip')
        inner = gzipEntries(outer, budget);
    else if (kind === 'ar')
        inner = toAsync(readAr(content, { artifact: outer.path, budget }));
    else
        return undefined;
    return { entries: prefixed(inner, outer.path, depth) };
}
async function* toAsync(it) {
    yield* it;
}
/** The codec of a compressed asset that is no archive format of its own. */
function singleFile(sniffed, path) {
    if (sniffed.kind === 'unsupported' && sniffed.name === 'zstd')
        return ZSTD;
    if (sniffed.kind === 'unknown' && BROTLI.ext.test(path))
        return BROTLI;
    return undefined;
}
async function* one(outer, budget, codec) {
    yield decompressOne(outer, budget, codec);
}
async function* prefixed(inner, prefix, depth) {
    for await (const e of inner) {
        const out = { ...e, path: `${prefix}!/${e.path}`, depth };
        if (e.issues) {
            out.issues = e.issues.map((i) => ({ ...i, path: i.path ? `${prefix}!/${i.path}` : prefix }));
        }
        if (e.texts) {
            out.texts = e.texts.map((t) => ({
                ...t,
                path: t.path.startsWith('!') ? `${prefix}${t.path}` : `${prefix}!/${t.path}`,
            }));
        }
        yield out;
    }
}
function tarOptions(outer, budget, gzipped) {
    return {
        artifact: outer.path,
        budget,
        top: topFolderFor(outer.path, gzipped),
        countCompressed: false,
    };
}
async function* gzipEntries(outer, budget) {
    let yielded = false;
    try {
        for await (const e of readTar(chunks(outer.content), tarOptions(outer, budget, true))) {
            yielded = true;
            yield e;
        }
    }
    catch (err) {
        if (yielded || !(err instanceof ArtifactError) || !/not a tar archive/.test(err.cause_))
            throw err;
        yield decompressOne(outer, budget, GZIP);
    }
}
function* chunks(buf) {
    for (let i = 0; i < buf.length; i += nested_CHUNK)
        yield buf.subarray(i, i + nested_CHUNK);
}

;// CONCATENATED MODULE: ./build/src/sources/read-artifact.js








/**
 * Reads an artifact entry by entry, handing each one (and each entry of nested archives,
 * depth-limited) to the hooks before the next is read. Only summaries are kept.
 */
async function readArtifact(path, opts, hooks = {}) {
    const out = { entries: [], files: 0, bytes: 0, problems: [] };
    const { maxDepth } = opts.limits;
    const visit = async (e, budget) => {
        const depth = e.depth ?? 0;
        const wait = hooks.ready?.();
        if (wait)
            await wait;
        const streamed = e.body
            ? await pump(e, { top: depth === 0, hash: depth === 0 && opts.hash }, hooks)
            : undefined;
        if (depth === 0)
            record(e, streamed);
        hooks.entry?.(e);
        // A streamed archive is opened from its bytes, kept aside while the rules streamed it.
        if (streamed?.whole)
            e.content = streamed.whole;
        if (streamed?.tooLarge) {
            out.problems.push({
                kind: 'limit-exceeded',
                file: e.path,
                message: `${e.path} is an archive over ${body/* NESTED_IN_MEMORY */.C7 / 2 ** 20} MiB inside the artifact; nested archives are opened in memory, so its content was not checked`,
            });
        }
        if (streamed?.zipAfterScript) {
            out.problems.push({
                kind: 'unreadable-entry',
                file: e.path,
                message: `${e.path} is a script with a zip after it (an executable jar or a Python zipapp) over ${body/* STREAM_ABOVE */.hP / 2 ** 20} MiB; such a zip is opened only when smaller, so its content was not checked`,
            });
        }
        const nested = e.type === 'file' ? openNested(e, budget) : undefined;
        if (!nested)
            return;
        if ('unsupported' in nested) {
            out.problems.push({
                kind: 'unreadable-entry',
                file: e.path,
                message: `${e.path} is a ${nested.unsupported} archive, a format packguard does not read; its content was not checked`,
            });
            return;
        }
        const inner = nested.entries;
        if (depth >= maxDepth) {
            out.problems.push({
                kind: 'limit-exceeded',
                file: e.path,
                message: `${e.path} is an archive nested deeper than max-depth ${maxDepth}; its content was not checked`,
            });
            return;
        }
        try {
            for await (const ie of inner)
                await visit(ie, budget);
        }
        catch (err) {
            if (!(err instanceof ArtifactError))
                throw err;
            out.problems.push({
                kind: 'unreadable-entry',
                file: e.path,
                message: `nested archive ${e.path} cannot be read completely (${err.cause_}); its content was not checked`,
            });
        }
    };
    const record = (e, streamed) => {
        const s = {
            path: e.path,
            rawPath: e.rawPath,
            type: e.type,
            mode: e.mode,
            size: e.size,
        };
        if (e.linkTarget !== undefined)
            s.linkTarget = e.linkTarget;
        if (opts.hash && e.content)
            s.sha256 = (0,external_node_crypto_.createHash)('sha256').update(e.content).digest('hex');
        if (opts.hash && streamed?.sha256)
            s.sha256 = streamed.sha256;
        out.entries.push(s);
        if (e.type === 'file') {
            out.files++;
            out.bytes += e.size;
            const text = e.content ?? streamed?.whole;
            if (e.path === 'package.json' && text && e.size <= limits/* MAX_MANIFEST_BYTES */.ZJ)
                out.packageJson = text.toString('utf8');
        }
    };
    try {
        const opened = await opts.open(path, { limits: opts.limits, pack: opts.pack });
        out.format = opened.format;
        for await (const e of opened.entries)
            await visit(e, opened.budget);
    }
    catch (err) {
        if (err instanceof limits/* LimitExceeded */.nP) {
            out.problems.push({
                kind: 'limit-exceeded',
                file: err.file,
                message: `${err.message}; the rest of the artifact was not checked`,
                key: err.limit,
            });
        }
        else {
            out.error =
                err instanceof ArtifactError ? err.cause_ : `unreadable: ${err.message}`;
        }
    }
    return out;
}
/**
 * Streams a file's body through the rules' sinks, chunk by chunk, hashing it on the way and
 * keeping its head. The bytes are kept whole only for a nested archive (a zip needs random
 * access) and the root package.json.
 */
async function pump(e, opts, hooks) {
    const sinks = hooks.stream?.(e) ?? [];
    const head = new body/* HeadCollector */.kK(body/* HEAD_BYTES */.Lq);
    const hash = opts.hash ? (0,external_node_crypto_.createHash)('sha256') : undefined;
    // Until 512 bytes are in, whether to keep the whole file is not known.
    let whole = new body/* WholeCollector */.Zv();
    let decided = false;
    let tooLarge = false;
    // A script may end as a zip (an executable jar): its last bytes tell, kept as they stream.
    let tail;
    for await (const chunk of e.body) {
        if (!decided && head.size === 0)
            tail = chunk[0] === 0x23 && chunk[1] === 0x21 ? new body/* TailCollector */.MQ(ZIP_TAIL) : undefined;
        tail?.write(chunk);
        head.write(chunk);
        hash?.update(chunk);
        whole?.write(chunk);
        if (!decided && head.size >= 512) {
            decided = true;
            if (!keepWhole(e, head.bytes, opts.top))
                whole = undefined;
        }
        // Declared sizes can lie: the bytes kept are counted as they come.
        if (whole && whole.size > body/* NESTED_IN_MEMORY */.C7) {
            whole = undefined;
            tooLarge = true;
        }
        for (const s of sinks)
            s.write(chunk);
        const wait = hooks.ready?.();
        if (wait)
            await wait;
    }
    for (const s of sinks)
        s.end();
    e.head = head.bytes;
    e.body = undefined;
    if (!decided && !keepWhole(e, head.bytes, opts.top))
        whole = undefined;
    const zipEnd = tail ? zipAfterScript(head.bytes, tail.bytes, tail.total) : false;
    return { sha256: hash?.digest('hex'), whole: whole?.bytes, tooLarge, zipAfterScript: zipEnd };
}
function keepWhole(e, head, top) {
    const sniffed = sniff(head.subarray(0, 512));
    const kind = sniffed.kind;
    return (kind === 'zip' ||
        kind === 'tar' ||
        kind === 'gzip' ||
        kind === 'ar' ||
        (kind === 'unsupported' && sniffed.name === 'zstd') ||
        (kind === 'unknown' && BROTLI.ext.test(e.path)) ||
        (top && e.path === 'package.json' && e.size <= limits/* MAX_MANIFEST_BYTES */.ZJ));
}

// EXTERNAL MODULE: ./build/src/drift/manifest.js
var drift_manifest = __nccwpck_require__(1480);
;// CONCATENATED MODULE: ./build/src/drift/context.js



/**
 * Loads what the artifact is compared with: the lockfile, and the baseline read like any
 * artifact. Throws when a baseline is found but cannot be read.
 */
async function loadDriftContext(read, drift, reader) {
    const ctx = { against: [], settings: drift.settings };
    if (drift.lockfile?.manifest && !drift.updateLockfile) {
        ctx.against.push({
            kind: 'lockfile',
            label: drift.lockfile.path,
            manifest: drift.lockfile.manifest,
        });
    }
    if (drift.baseline) {
        const baseline = await locateBaseline(drift.baseline, read, reader);
        if (baseline.kind === 'not-found') {
            ctx.baselineMissing = baseline.reason;
        }
        else {
            const base = await readArtifact(baseline.path, {
                open: reader.open,
                limits: reader.limits,
                pack: reader.pack,
                hash: drift.settings.content,
            });
            if (base.error)
                throw new Error(`baseline ${baseline.label}: ${base.error}`);
            ctx.against.push({
                kind: 'baseline',
                label: baseline.label,
                manifest: (0,drift_manifest/* buildManifest */.u1)(base.entries, base.format),
            });
        }
    }
    return ctx.against.length || ctx.baselineMissing ? ctx : undefined;
}
async function locateBaseline(spec, read, reader) {
    if (!spec.startsWith('npm:'))
        return { kind: 'found', path: (0,external_node_path_.resolve)(reader.cwd, spec), label: `the baseline ${spec}` };
    if (!reader.fetchBaseline)
        throw new Error(`baseline ${spec}: npm baselines are not available here`);
    let pkg = {};
    try {
        pkg = read.packageJson ? JSON.parse(read.packageJson) : {};
    }
    catch {
        // A package.json that does not parse has no name: npm:previous then says so.
    }
    return reader.fetchBaseline(spec, { name: pkg.name, version: pkg.version });
}

// EXTERNAL MODULE: ./build/src/findings.js
var src_findings = __nccwpck_require__(4583);
// EXTERNAL MODULE: ./build/src/globs.js + 9 modules
var globs = __nccwpck_require__(502);
// EXTERNAL MODULE: ./build/src/rules/registry.js + 35 modules
var registry = __nccwpck_require__(3517);
;// CONCATENATED MODULE: ./build/src/pipeline.js



/** Turns what a rule reported into a Finding with the configured severity; undefined when the rule is off. */
function toFinding(raw, artifact, config) {
    const registered = registry/* RULES */.y0.get(raw.rule);
    const meta = registered ?? contentMeta(raw.rule, config);
    // A content rule's own `severity` is what the team declared: presets do not change it.
    const preset = registered ? (0,registry/* presetSeverity */.zt)(config.extends, meta, raw.severity) : meta.severity;
    const explicit = config.rules[raw.rule];
    const severity = explicit ?? preset;
    if (severity === 'off')
        return undefined;
    // The rule's reason for its judgement, only where its judgement decided (not strict, not config).
    const judged = raw.because && !explicit && config.extends !== 'strict' && raw.severity === severity;
    const finding = {
        rule: raw.rule,
        category: meta.category,
        severity,
        artifact,
        file: raw.file,
        message: judged ? `${raw.message} (${raw.because})` : raw.message,
        fingerprint: (0,src_findings/* fingerprint */.Rj)(raw.rule, raw.file, raw.key ?? raw.message),
    };
    if (raw.line !== undefined)
        finding.line = raw.line;
    if (raw.column !== undefined)
        finding.column = raw.column;
    if (raw.evidence !== undefined)
        finding.evidence = raw.evidence;
    if (raw.data !== undefined)
        finding.data = raw.data;
    return finding;
}
/**
 * A finding's path and message with every secret in them redacted: a token used as a folder or
 * file name must not reach any output whole, whichever rule names that path. Each distinct
 * string is scanned once.
 */
function secretFreeTexts(redactText) {
    const cache = new Map();
    const clean = (text) => {
        let out = cache.get(text);
        if (out === undefined)
            cache.set(text, (out = redactText(text)));
        return out;
    };
    return (raw) => {
        const file = clean(raw.file);
        const message = clean(raw.message);
        return file === raw.file && message === raw.message ? raw : { ...raw, file, message };
    };
}
/** Content rules are declared in the config: their meta comes from there. */
function contentMeta(id, config) {
    const rule = config.content.find((c) => id === `content/${c.name}`);
    if (!rule)
        throw new Error(`internal: rule ${id} is not registered`);
    return {
        id,
        category: 'leak',
        severity: rule.severity,
        always: true,
        description: rule.message ?? `content rule ${rule.name}`,
    };
}
/** Splits findings into reported and suppressed (by `ignore`), drops duplicates, sorts both. */
function finalize(findings, config) {
    const ignores = config.ignore.map((ig) => ({
        ...ig,
        path: ig.path === undefined ? undefined : (0,globs/* compileGlobs */.t)([ig.path]),
    }));
    const kept = [];
    const suppressed = [];
    const seen = new Set();
    for (const f of findings) {
        const id = `${f.artifact}\0${f.fingerprint}`;
        if (seen.has(id))
            continue;
        seen.add(id);
        const ig = ignores.find((i) => ruleMatches(i.rule, f.rule) && (!i.path || i.path.first(f.file)));
        if (ig)
            suppressed.push({ ...f, reason: ig.reason });
        else
            kept.push(f);
    }
    return { findings: kept.sort(src_findings/* compareFindings */.Eg), suppressed: suppressed.sort(src_findings/* compareFindings */.Eg) };
}
function ruleMatches(pattern, rule) {
    return pattern.endsWith('/*') ? rule.startsWith(pattern.slice(0, -1)) : pattern === rule;
}
/** Whether a finding of this severity fails the run at `failOn`. */
function fails(f, failOn) {
    return failOn !== 'never' && (0,src_findings/* severityRank */.qs)(f.severity) >= (0,src_findings/* severityRank */.qs)(failOn);
}

// EXTERNAL MODULE: ./build/src/rules/archive.js + 1 modules
var archive = __nccwpck_require__(8903);
;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/service.js
const done = Promise.resolve();
/** Scanning on the calling thread: findings are reported at once. */
function localScanning(engine, report, mask, sizes) {
    return {
        text: (text, file) => engine.text(text, file, report, mask),
        skim: (raw) => engine.skim(raw),
        bytes: (content, file) => engine.bytes(content, file, report, mask),
        sink: (file) => engine.sink(file, report, mask, sizes),
        ready: () => undefined,
        settle: () => done,
    };
}
/** Scanning on the calling thread, for a whole check. */
function localHost(engine) {
    return { open: (report, mask) => localScanning(engine, report, mask), close: async () => { } };
}

// EXTERNAL MODULE: ./build/src/rules/secrets/detectors/index.js + 38 modules
var detectors = __nccwpck_require__(3398);
// EXTERNAL MODULE: ./build/src/rules/text.js
var rules_text = __nccwpck_require__(8702);
// EXTERNAL MODULE: ./build/src/rules/windows.js
var rules_windows = __nccwpck_require__(7776);
;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/base64-values.js
/**
 * Values of secret-named keys in config files that are base64 once more (`token: Z2hwXz...`, a
 * kubeconfig's `client-key-data`, a Kubernetes Secret's `data:`): decoded, they are scanned like
 * any text. Only config files are looked at, and only values of keys named like a credential,
 * so ordinary files cost nothing; a decoded value is reported only when a detector finds a
 * secret in it, so base64 that decodes to anything else stays silent.
 */
/** Config files by name: YAML, JSON, TOML, INI, properties, env and rc files. */
const CONFIG = /\.(ya?ml|json|toml|ini|cfg|conf|properties|env|xml|plist|tfvars)$|(^|\/)\.?[\w.-]*(rc|env)(\.[\w.-]+)?$/i;
/**
 * A `:` or `=`, then a base64 (or base64url) value, quoted or not, of bounded length (a greedy
 * run over a megabyte blob costs the regex engine a backtrack entry per character; a kubeconfig
 * key is a few KB). Starting at `:` or `=` keeps the pass fast: about 1 ns a byte on JSON.
 */
const VALUE = /[:=][ \t]*["']?([A-Za-z0-9+/_-]{16,8192}={0,2})(?![A-Za-z0-9+/=_-])/g;
/** The key just before it is named like a credential. */
const KEY = /(?:token|secret|passw|pwd|auth|key|cred)[\w.-]{0,40}["']?[ \t]*$/i;
/** The shortest decoded text worth scanning (the shortest token is longer). */
const MIN_DECODED = 12;
function isConfigFile(file) {
    return CONFIG.test(file);
}
/** Each base64 value of a credential-named key that decodes to text, with its line. */
function* base64Values(text) {
    let line = 1;
    let counted = 0;
    VALUE.lastIndex = 0;
    for (let m = VALUE.exec(text); m; m = VALUE.exec(text)) {
        const key = text.slice(Math.max(0, m.index - 60), m.index);
        // A kubeconfig's client key has its own detector (secret/kubeconfig-client-key).
        if (!KEY.test(key) || /client-key-data["']?[ \t]*$/.test(key))
            continue;
        const decoded = Buffer.from(m[1], m[1].includes('-') || m[1].includes('_') ? 'base64url' : 'base64');
        if (decoded.length < MIN_DECODED || !mostlyText(decoded))
            continue;
        for (let i = text.indexOf('\n', counted); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1))
            line++;
        counted = m.index;
        yield { line, decoded: decoded.toString('latin1') };
    }
}
/** Printable ASCII and line breaks, all but a few bytes: text, not a random key's bytes. */
function mostlyText(b) {
    let bad = 0;
    for (const c of b)
        if ((c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) || c > 0x7e)
            bad++;
    return bad <= b.length / 20;
}

// EXTERNAL MODULE: ./build/src/rules/secrets/engine/binary.js
var binary = __nccwpck_require__(213);
;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/encodings.js
/**
 * Texts a binary-looking file may hold that its printable runs do not show: UTF-16 text (every
 * other byte NUL) and the strings of a compiled Python file (each written right after a type
 * byte and a length, and followed by the next object's type byte, often a letter).
 */
/** How many first bytes decide whether a file is UTF-16 text. */
const SNIFF = 256;
/**
 * `le` or `be` when the bytes are UTF-16 text: a byte-order mark, or the NUL pattern of mostly
 * ASCII text (one byte of each pair NUL, the other not) over the first bytes. Only these first
 * bytes are read, so telling costs nothing on other files.
 */
function utf16Of(content) {
    if (content.length < 2)
        return undefined;
    if (content[0] === 0xff && content[1] === 0xfe)
        return 'le';
    if (content[0] === 0xfe && content[1] === 0xff)
        return 'be';
    const pairs = Math.min(content.length, SNIFF) >> 1;
    if (pairs < 8)
        return undefined;
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < pairs; i++) {
        if (content[2 * i] === 0)
            evenNul++;
        if (content[2 * i + 1] === 0)
            oddNul++;
    }
    const most = pairs * 0.9;
    if (oddNul >= most && evenNul === 0)
        return 'le';
    if (evenNul >= most && oddNul === 0)
        return 'be';
    return undefined;
}
/**
 * UTF-16 text as the scanner reads text: one character a code unit, those past latin1 shown as
 * `?` (no keyword or token has one). Lines are the file's; columns count characters.
 */
function utf16Text(content, kind) {
    const start = (kind === 'le' && content[0] === 0xff) || (kind === 'be' && content[0] === 0xfe) ? 2 : 0;
    const even = content.subarray(start, start + ((content.length - start) & ~1));
    const le = kind === 'le' ? even : Buffer.from(even).swap16();
    return le.toString('utf16le').replace(/[^\0-\xff]/g, '?');
}
/** Whether the bytes are a compiled Python module: `.pyc`/`.pyo` with its magic's `\r\n`. */
function isPyc(file, content) {
    return /\.py[co]$/.test(file) && content[2] === 0x0d && content[3] === 0x0a;
}
// marshal type codes of strings, with FLAG_REF (0x80) cleared: short ASCII ones have a 1-byte
// length, the others a 4-byte one.
const SHORT = new Set([0x7a, 0x5a]); // z Z
const LONG_ASCII = new Set([0x61, 0x41]); // a A
const LONG = new Set([0x75, 0x74, 0x73]); // u t s
const MIN_STRING = 8;
/**
 * The strings of a `.pyc` as a latin1 text as long as the file, everything else blanked to NUL
 * (line feeds kept, as in `printableRuns`): each string stands alone, so the type byte marshal
 * writes right after it (`N`, `Z`, `r`, ...) does not run on from a token's last character.
 * Found by walking the bytes for a string type code, a length that fits and a body that is text;
 * a string's body is stepped over whole.
 */
function marshalStrings(content) {
    const out = Buffer.alloc(content.length);
    for (let i = content.indexOf(0x0a); i >= 0; i = content.indexOf(0x0a, i + 1))
        out[i] = 0x0a;
    let i = 16;
    while (i < content.length) {
        const code = content[i] & 0x7f;
        const short = SHORT.has(code);
        const long = LONG_ASCII.has(code) || LONG.has(code);
        const at = i + (short ? 2 : 5);
        const n = short
            ? content[i + 1]
            : long && at <= content.length
                ? content.readUInt32LE(i + 1)
                : 0;
        if ((short || long) && n >= MIN_STRING && at + n <= content.length) {
            if (isText(content, at, at + n, LONG.has(code))) {
                content.copy(out, at, at, at + n);
                i = at + n;
                continue;
            }
        }
        i++;
    }
    return out.toString('latin1');
}
function isText(b, from, to, utf8) {
    for (let i = from; i < to; i++) {
        const c = b[i];
        if (c >= 0x20 ? c === 0x7f || (c > 0x7f && !utf8) : c !== 0x09 && c !== 0x0a && c !== 0x0d)
            return false;
    }
    return true;
}

// EXTERNAL MODULE: ./build/src/rules/secrets/engine/scanner.js + 7 modules
var scanner = __nccwpck_require__(3491);
;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/scan.js






/** Printable runs shorter than this are not scanned in binaries (as `strings` does). */
const MIN_RUN = 8;
/**
 * Scanning over one detector set, compiled (keyword filter, SIMD tables, per-keyword regexes)
 * the first time something is scanned: a run that scans nothing (`--version`, a config error)
 * never pays for it.
 */
class SecretScan {
    load;
    compiled;
    constructor(load) {
        this.load = load;
    }
    get scanner() {
        return (this.compiled ??= (0,scanner/* createScanner */.z1)(this.load()));
    }
    /**
     * Scans one text (decoded as latin1, so offsets are byte offsets) and reports each secret as
     * a RawFinding with redacted evidence. `file` is the path to report (`dist/cli.js` or
     * `dist/cli.js.map!sources[12]`).
     */
    text(text, file, report, mask) {
        this.scanner.scan(text, file, report, mask);
    }
    /** Scans a file's bytes: text whole, binaries by their printable runs (offsets kept). */
    bytes(content, file, report, mask) {
        const { scan, keywordInRuns } = this.scanner;
        if (!(0,binary/* isBinary */.Go)(content)) {
            const text = (0,rules_text/* latin1Text */.L)(content);
            scan(text, file, report, mask);
            // base64 values of credential-named keys, decoded: config files only.
            if (isConfigFile(file))
                for (const { line, decoded } of base64Values(text))
                    scan(decoded, `${file}!base64[line ${line}]`, report, mask);
            return;
        }
        // UTF-16 text (a BOM, or the NUL pattern of its first bytes) is read as text.
        const utf16 = utf16Of(content);
        if (utf16)
            return void scan(utf16Text(content, utf16), file, report, mask);
        if (!keywordInRuns(content, 0, content.length, MIN_RUN))
            return;
        scan((0,binary/* printableRuns */.UK)(content, MIN_RUN), file, report, mask);
        // A .pyc's strings once more, each alone (what a token ends on is the next type byte); a
        // hit seen both ways is one finding (same rule, file and value).
        if (isPyc(file, content))
            scan(marshalStrings(content), file, report, mask);
    }
    /** See Scanner.redactText: the text with every secret in it redacted. */
    redactText(text) {
        return this.scanner.redactText(text);
    }
    /** See Scanner.skim: the decoded length of a JSON string's raw text that holds no secret. */
    skim(raw) {
        return this.scanner.skim(raw);
    }
    /**
     * A sink that scans a streamed file window by window, as `bytes` scans a whole one: a binary
     * (judged by its first window) by its printable runs, a text as it is.
     */
    sink(file, report, mask, sizes) {
        const windows = new scan_WindowScan(this);
        return new rules_windows/* Windows */.a((bytes, pos) => windows.scan(bytes, pos, file, report, mask), sizes);
    }
}
/** The windows of one streamed file, scanned in order (on this thread or a worker). */
class scan_WindowScan {
    engine;
    binary;
    seenUpTo = 0;
    constructor(engine) {
        this.engine = engine;
    }
    scan(bytes, pos, file, report, mask) {
        const { scan, keywordInRuns } = this.engine.scanner;
        this.binary ??= (0,binary/* isBinary */.Go)(bytes);
        if (this.binary && !keywordInRuns(bytes, pos.from, pos.to, MIN_RUN))
            return;
        const text = this.binary ? (0,binary/* printableRuns */.UK)(bytes, MIN_RUN) : bytes.toString('latin1');
        this.seenUpTo = scan(text, file, report, mask, { ...pos, seenUpTo: this.seenUpTo });
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/scan.js


/** The built-in detectors, compiled when a scan first needs them. */
const secretScan = new SecretScan(() => detectors/* DETECTORS */.c);
/** Scans one latin1 text with the built-in detectors (see SecretScan.text). */
function scanSecrets(text, file, report, mask) {
    secretScan.text(text, file, report, mask);
}
/** Scans a file's bytes with the built-in detectors (see SecretScan.bytes). */
function scanBytes(content, file, report, mask) {
    secretScan.bytes(content, file, report, mask);
}
/** A sink for a streamed file, scanned with the built-in detectors (see SecretScan.sink). */
function secretSink(file, report, mask, sizes) {
    return secretScan.sink(file, report, mask, sizes);
}
/** See Scanner.skim, with the built-in detectors. */
function skimSecrets(raw) {
    return secretScan.skim(raw);
}
/** A streamed file's window scan with the built-in detectors. */
function windowScan() {
    return new WindowScan(secretScan);
}

;// CONCATENATED MODULE: ./build/src/version.js
/** packguard's own version; a test keeps it equal to package.json. */
const VERSION = '0.1.0';
const TOOL_NAME = 'packguard';

;// CONCATENATED MODULE: ./build/src/append.js
/**
 * Appends items one by one. `target.push(...items)` passes every item as an argument on the
 * stack, so it throws RangeError past about 100,000 items; finding and file lists grow past that.
 */
function append(target, items) {
    for (const item of items)
        target.push(item);
    return target;
}

;// CONCATENATED MODULE: ./build/src/check.js













/** Reads every artifact, runs every rule, and returns the report. No process, env or console access. */
async function check(options, deps = { open: openArtifact }) {
    const artifacts = [];
    const all = [];
    const scanner = deps.scanner?.() ?? localHost(secretScan);
    try {
        for (const path of options.artifacts) {
            const { report, findings } = await checkArtifact(path, options, deps, scanner);
            artifacts.push(report);
            append(all, findings);
        }
    }
    finally {
        await scanner.close();
    }
    const { findings, suppressed } = finalize(all, options.config);
    const failed = artifacts.some((a) => a.error) || findings.some((f) => fails(f, options.failOn));
    return {
        schemaVersion: 1,
        tool: { name: TOOL_NAME, version: VERSION },
        result: failed ? 'fail' : 'pass',
        failOn: options.failOn,
        artifacts,
        findings,
        suppressed,
        counts: {
            error: findings.filter((f) => f.severity === 'error').length,
            warning: findings.filter((f) => f.severity === 'warning').length,
            notice: findings.filter((f) => f.severity === 'notice').length,
        },
    };
}
async function checkArtifact(path, options, deps, scanner) {
    const raws = [];
    const collect = (r) => raws.push(r);
    const secrets = scanner.open(collect, deps.mask);
    const ctx = {
        artifact: path,
        config: options.config,
        report: collect,
        expectVersion: options.expectVersion,
        mask: deps.mask,
        secrets,
    };
    const visitors = registry/* FAMILIES */.BU.map((f) => f.create(ctx));
    const drift = options.drift;
    const read = await readArtifact((0,external_node_path_.resolve)(options.cwd, path), {
        open: deps.open,
        limits: options.config.safety,
        pack: options.pack,
        hash: Boolean(drift?.lockfile || drift?.settings.content),
    }, {
        stream: (e) => visitors.flatMap((v) => v.stream?.(e) ?? []),
        entry: (e) => {
            for (const v of visitors)
                v.entry?.(e);
        },
        ready: () => secrets.ready(),
    });
    await secrets.settle();
    append(raws, read.problems.map(archive/* readProblemFinding */.D));
    // A token used as a folder name must not reach any output whole (see secretFreeTexts).
    const redactText = (text) => secretScan.redactText(text);
    const folders = (files) => sizeBreakdown(files).map((b) => ({ ...b, folder: redactText(b.folder) }));
    const report = { path, files: read.files, bytes: read.bytes };
    if (read.format)
        report.format = read.format;
    if (read.error)
        report.error = redactText(read.error);
    else
        report.breakdown = folders(read.entries);
    let against;
    if (!read.error && drift) {
        try {
            against = await loadDriftContext(read, drift, {
                cwd: options.cwd,
                limits: options.config.safety,
                pack: options.pack,
                open: deps.open,
                fetchBaseline: deps.fetchBaseline,
            });
        }
        catch (err) {
            report.error = redactText(err.message);
        }
        if (against?.against.length)
            report.comparedWith = against.against.map((a) => redactText(a.kind === 'lockfile' ? `the lockfile ${a.label}` : a.label));
        const baseline = against?.against.find((a) => a.kind === 'baseline');
        if (baseline)
            report.baselineBreakdown = folders(baseline.manifest.files);
        if (drift.lockfile) {
            const proposed = (0,drift_manifest/* buildManifest */.u1)(read.entries, read.format);
            const changed = !drift.lockfile.manifest ||
                (0,drift_manifest/* serializeManifest */.MZ)(drift.lockfile.manifest) !== (0,drift_manifest/* serializeManifest */.MZ)(proposed);
            // The proposed lockfile is printed in the JSON report and written by --update-lockfile:
            // a token used as a name is redacted there too (the run fails on it anyway).
            const files = proposed.files.map((f) => ({ ...f, path: redactText(f.path) }));
            report.lockfile = { path: drift.lockfile.path, changed, proposed: { ...proposed, files } };
        }
    }
    if (!report.error)
        for (const v of visitors)
            v.end?.(read.entries, { format: read.format, drift: against });
    const secretFree = secretFreeTexts(redactText);
    const findings = raws.flatMap((r) => toFinding(secretFree(r), path, options.config) ?? []);
    return { report, findings };
}

// EXTERNAL MODULE: ./build/src/errors.js
var errors = __nccwpck_require__(7406);
// EXTERNAL MODULE: ./build/src/config/resolve.js + 1 modules
var resolve = __nccwpck_require__(26);
// EXTERNAL MODULE: ./build/src/config/schema.js
var schema = __nccwpck_require__(9829);
// EXTERNAL MODULE: ./build/src/config/to-config.js
var to_config = __nccwpck_require__(5782);
;// CONCATENATED MODULE: ./build/src/config/defaults.js



/** The configuration with nothing declared: the schema's defaults (`recommended`, default limits). */
function defaultConfig() {
    return (0,to_config/* toConfig */.q)((0,resolve/* resolve */.h)(schema/* CONFIG_SCHEMA */.l, {}), undefined, []);
}
/** The `safety:` limits when none are configured. */
const DEFAULT_LIMITS = defaultConfig().safety;

;// CONCATENATED MODULE: ./build/src/config/load.js




/** Where packguard looks for its config when none is named. */
const DEFAULT_CONFIG_PATHS = ['.github/packguard.yml', '.github/packguard.yaml'];
/**
 * Loads the config named by `explicit`, else the first default path that exists under `cwd`,
 * else the defaults. A named file that is missing, bad YAML or off-schema is a ConfigError.
 */
async function loadConfig(cwd, explicit) {
    const file = explicit ? (0,external_node_path_.resolve)(cwd, explicit) : await firstExisting(cwd);
    if (!file)
        return defaultConfig();
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        throw new errors/* ConfigError */.xL(`${explicit ?? file}: cannot read config file (${err.code ?? err.message})`);
    }
    // The YAML parser and the content-rule engine load only when there is a file to parse.
    const { parseConfig } = await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(598)]).then(__nccwpck_require__.bind(__nccwpck_require__, 598));
    return parseConfig(text, explicit ?? file);
}
async function firstExisting(cwd) {
    for (const p of DEFAULT_CONFIG_PATHS) {
        const full = (0,external_node_path_.join)(cwd, p);
        if ((await (0,promises_.stat)(full).catch(() => undefined))?.isFile())
            return full;
    }
    return undefined;
}

// EXTERNAL MODULE: ./build/src/config/units.js
var units = __nccwpck_require__(5543);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: ./build/src/drift/semver.js
const VERSION_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
/** Parses a strict semver version (`1.2.3`, `1.2.3-beta.1+build`); undefined when it is not one. */
function parseVersion(text) {
    const m = VERSION_RE.exec(text);
    if (!m)
        return undefined;
    return { core: [m[1], m[2], m[3]], prerelease: m[4] ? m[4].split('.') : [] };
}
const isVersion = (text) => VERSION_RE.test(text);
/**
 * Orders two versions by semver precedence: negative when `a` comes first. Both must be valid
 * (see `parseVersion`); numbers are compared as digit strings, so no size limit applies.
 */
function compareVersions(a, b) {
    const va = parseVersion(a);
    const vb = parseVersion(b);
    if (!va || !vb)
        throw new Error(`Not a semver version: '${va ? b : a}'`);
    for (let i = 0; i < 3; i++) {
        const c = compareNumeric(va.core[i], vb.core[i]);
        if (c)
            return c;
    }
    // A release ranks above its prereleases.
    if (!va.prerelease.length || !vb.prerelease.length) {
        return vb.prerelease.length - va.prerelease.length;
    }
    const n = Math.min(va.prerelease.length, vb.prerelease.length);
    for (let i = 0; i < n; i++) {
        const c = compareIdentifier(va.prerelease[i], vb.prerelease[i]);
        if (c)
            return c;
    }
    return va.prerelease.length - vb.prerelease.length;
}
function compareIdentifier(a, b) {
    const an = /^\d+$/.test(a);
    const bn = /^\d+$/.test(b);
    if (an && bn)
        return compareNumeric(a, b);
    if (an !== bn)
        return an ? -1 : 1; // numeric identifiers rank below alphanumeric ones
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareNumeric(a, b) {
    if (a.length !== b.length)
        return a.length - b.length;
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./build/src/drift/baseline-npm.js





const EXPECTED = 'Expected npm:<name>@<version|tag> (e.g. npm:@scope/pkg@1.2.3) or npm:previous';
// npm package names: lowercase for new ones, but legacy names may hold capitals.
const NAME_RE = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/i;
const RANGE_RE = /^[0-9A-Za-z.^~*<>=|+-]+$/;
/**
 * Parses `npm:<name>@<version|tag>` or `npm:previous`. Returns undefined for anything not
 * starting with `npm:` (a file path then); throws on a malformed npm spec.
 */
function parseNpmBaseline(spec) {
    if (!spec.startsWith('npm:'))
        return undefined;
    const rest = spec.slice('npm:'.length);
    if (rest === 'previous')
        return { range: 'previous' };
    const at = rest.lastIndexOf('@');
    const name = rest.slice(0, at);
    const range = rest.slice(at + 1);
    if (at <= 0 || name.length > 214 || !NAME_RE.test(name) || !RANGE_RE.test(range)) {
        throw new Error(`Invalid baseline '${spec}'. ${EXPECTED}`);
    }
    return { name, range };
}
/** Where downloaded baselines are kept: $PACKGUARD_CACHE_DIR, $XDG_CACHE_HOME/packguard or ~/.cache/packguard. */
function defaultCacheDir(env) {
    if (env.PACKGUARD_CACHE_DIR)
        return env.PACKGUARD_CACHE_DIR;
    if (env.XDG_CACHE_HOME)
        return (0,external_node_path_.join)(env.XDG_CACHE_HOME, 'packguard');
    return (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.cache', 'packguard');
}
/**
 * Resolves an npm baseline spec to a version and downloads its tarball into `cacheDir`, both with
 * npm itself run in `cwd`, so the project's registry and credentials are used. Only
 * `npm:previous` can be `not-found` (a first release: the package is not in the registry, or has
 * no version before `currentVersion`); any other failure throws, naming the spec and npm's error.
 */
async function fetchNpmBaseline(opts) {
    const { spec, cacheDir } = opts;
    const parsed = parseNpmBaseline(spec);
    if (!parsed)
        throw new Error(`Invalid baseline '${spec}'. ${EXPECTED}`);
    const name = parsed.name ?? opts.packageName;
    if (!name) {
        throw new Error(`Invalid baseline '${spec}': npm:previous needs the name of the package checked`);
    }
    if (!NAME_RE.test(name)) {
        throw new Error(`Invalid baseline '${spec}': '${name}' is not an npm package name`);
    }
    const npm = (args) => runNpm(args, {
        cwd: opts.cwd,
        env: opts.env ?? process.env,
        timeoutMs: opts.timeoutMs ?? 120_000,
    });
    // A published version never changes, so a pinned one already downloaded needs no registry.
    if (parsed.name && isVersion(parsed.range)) {
        const path = cachePath(cacheDir, name, parsed.range);
        if (await isGzipFile(path))
            return { kind: 'found', path, name, version: parsed.range };
    }
    try {
        let info;
        try {
            info = readInfo(await npm(['view', name, 'versions', 'dist-tags', '--json']));
        }
        catch (e) {
            // Only `npm:previous` of a package never published is a first release; a named package
            // that cannot be seen is a typo or missing auth: the gate must not turn itself off.
            if (parsed.name || !(e instanceof NpmError && e.code === 'E404'))
                throw e;
            const why = 'never published, or not visible with the current npm credentials';
            return { kind: 'not-found', name, reason: `${name} is not in the registry (${why})` };
        }
        const version = parsed.name
            ? await resolveVersion(name, parsed.range, info, npm)
            : pickPreviousVersion(info, opts.currentVersion);
        if (!version) {
            const before = opts.currentVersion ? ` before ${opts.currentVersion}` : '';
            return { kind: 'not-found', name, reason: `no version of ${name}${before} is published` };
        }
        if (!isVersion(version))
            throw new Error(`npm resolved an invalid version '${version}'`);
        const path = cachePath(cacheDir, name, version);
        if (!(await isGzipFile(path)))
            await download(name, version, path, cacheDir, npm);
        return { kind: 'found', path, name, version };
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        throw new Error(`Could not fetch baseline '${spec}': ${message}`, { cause: e });
    }
}
/**
 * A version or dist-tag is looked up in what the registry listed; a range goes to npm, which
 * resolves ranges exactly as an install would. A pin the package does not have is an error: a
 * typo must not pass as "no baseline".
 */
async function resolveVersion(name, range, info, npm) {
    if (isVersion(range) || Object.hasOwn(info.distTags, range)) {
        const version = Object.hasOwn(info.distTags, range) ? info.distTags[range] : range;
        if (info.versions.includes(version))
            return version;
        throw new Error(`${name}@${version} is not published (published: ${summarize(info.versions)})`);
    }
    const matches = asList(parseJson(await npm(['view', `${name}@${range}`, 'version', '--json'])));
    const version = highest(matches);
    if (!version)
        throw new Error(`no published version of ${name} matches '${range}'`);
    return version;
}
function readInfo(stdout) {
    const raw = (parseJson(stdout) ?? {});
    const tags = raw['dist-tags'];
    const distTags = {};
    if (tags && typeof tags === 'object') {
        for (const [k, v] of Object.entries(tags))
            if (typeof v === 'string')
                distTags[k] = v;
    }
    return { versions: asList(raw.versions), distTags };
}
/** npm prints nothing at all when a range matches no version (some npm versions). */
function parseJson(stdout) {
    if (!stdout.trim())
        return undefined;
    try {
        return JSON.parse(stdout);
    }
    catch {
        throw new Error(`npm printed no JSON: ${stdout.slice(0, 200)}`);
    }
}
/** `npm view --json` prints one value bare and several as an array. */
function asList(value) {
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return list.filter((v) => typeof v === 'string');
}
/**
 * What `npm:previous` means: the highest published version below the one being checked (a
 * maintenance branch checking 2.1.88 compares with 2.1.87, not with the newest 3.x), by semver.
 * Prereleases count only when the version being checked is one itself. Without a version being
 * checked, the `latest` dist-tag. Undefined when there is none (a first release).
 */
function pickPreviousVersion(info, current) {
    const latest = info.distTags.latest;
    if (current === undefined && latest)
        return latest;
    const cur = current === undefined ? undefined : parseVersion(current);
    if (current !== undefined && !cur)
        throw new Error(`the current version '${current}' is not a semver version`);
    const allowPre = (cur?.prerelease.length ?? 0) > 0;
    return highest(info.versions.filter((v) => {
        const parsed = parseVersion(v);
        if (!parsed || (parsed.prerelease.length && !allowPre))
            return false;
        return current === undefined || compareVersions(v, current) < 0;
    }));
}
function highest(versions) {
    return versions.filter(isVersion).sort(compareVersions).at(-1);
}
function summarize(versions) {
    const sorted = versions.filter(isVersion).sort(compareVersions);
    if (sorted.length > 5)
        return `${sorted.slice(-5).join(', ')} and ${sorted.length - 5} older`;
    return sorted.join(', ') || 'none';
}
/** `@scope/pkg` 1.2.3 -> `@scope+pkg-1.2.3.tgz`: `+` never occurs in a package name, so names cannot collide. */
function cachePath(cacheDir, name, version) {
    return (0,external_node_path_.join)(cacheDir, `${name.replace('/', '+')}-${version}.tgz`);
}
/** `npm pack` into a private folder, then an atomic rename: a concurrent run never sees half a file. */
async function download(name, version, path, cacheDir, npm) {
    await (0,promises_.mkdir)(cacheDir, { recursive: true });
    const dest = await (0,promises_.mkdtemp)((0,external_node_path_.join)(cacheDir, '.download-'));
    try {
        const args = [
            'pack',
            `${name}@${version}`,
            '--pack-destination',
            dest,
            '--json',
            '--ignore-scripts',
        ];
        const out = parseJson(await npm(args));
        const filename = out?.[0]?.filename;
        if (typeof filename !== 'string')
            throw new Error('npm pack reported no file');
        const packed = (0,external_node_path_.join)(dest, (0,external_node_path_.basename)(filename));
        if (!(await isGzipFile(packed)))
            throw new Error(`npm pack did not write a gzip tarball (${filename})`);
        await (0,promises_.rename)(packed, path);
    }
    finally {
        await (0,promises_.rm)(dest, { recursive: true, force: true });
    }
}
async function isGzipFile(path) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, 'r');
        const head = Buffer.alloc(2);
        const { bytesRead } = await handle.read(head, 0, 2, 0);
        return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
    }
    catch {
        return false;
    }
    finally {
        await handle?.close();
    }
}

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/offload/protocol.js

/**
 * Bytes go to the worker in buffers of this size that it hands back: fresh memory costs more
 * than the scan here, so windows (and small files) travel in recycled buffers.
 */
const POOLED = rules_windows/* DEFAULT_WINDOWS */.Q.before + rules_windows/* DEFAULT_WINDOWS */.Q.own + rules_windows/* DEFAULT_WINDOWS */.Q.after;
/** The window that tells the worker a stream has ended (its state can go). */
const END = { base: -1, from: 0, to: 0, line: 0, lineStart: 0 };

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/offload/batcher.js


const BATCH_LIMITS = { bytes: 512 * 1024, jobs: 1024 };
/**
 * Turns work for the worker into batches: one message for many jobs. Bytes travel in buffers
 * the worker can own (pooled when they fit); files of up to half a pooled buffer travel packed,
 * many to one buffer, and their pack joins the batch when it is full or the batch is sent. A
 * streamed file's windows keep their order and share a stream id, and an END window follows
 * its last one.
 */
class Batcher {
    pool;
    send;
    limits;
    jobs = [];
    size = 0;
    transfer = [];
    pack;
    nextStream = 0;
    constructor(pool, send, limits = BATCH_LIMITS) {
        this.pool = pool;
        this.send = send;
        this.limits = limits;
    }
    /** Bytes of work in the batch being filled (not counting an open pack). */
    get queued() {
        return this.size;
    }
    /** Whether the batch and its open pack hold a batch's worth: time to send it. */
    get full() {
        return this.size + (this.pack?.used ?? 0) >= this.limits.bytes;
    }
    text(text, file) {
        this.add({ kind: 'text', file, text }, text.length);
    }
    bytes(content, file) {
        if (content.length <= POOLED / 2)
            this.packed(content, file);
        else
            this.add({ kind: 'bytes', file, bytes: this.pool.own(content) }, content.length);
    }
    /** A sink that cuts a streamed file into windows, each a job. */
    sink(file) {
        const stream = this.nextStream++;
        const windows = new rules_windows/* Windows */.a((bytes, pos) => this.add({ kind: 'window', file, stream, bytes: this.pool.own(bytes), pos }, bytes.length));
        return {
            write: (c) => windows.write(c),
            end: () => {
                windows.end();
                this.add({ kind: 'window', file, stream, bytes: new Uint8Array(0), pos: END }, 0);
            },
        };
    }
    /** Sends what is batched (an open pack included), if anything. */
    flush() {
        this.closePack();
        if (this.jobs.length === 0)
            return;
        this.send(this.jobs, this.size, this.transfer.splice(0));
        this.jobs = [];
        this.size = 0;
    }
    add(job, size) {
        this.jobs.push(job);
        this.size += size;
        if ('bytes' in job)
            this.transfer.push(job.bytes.buffer);
        if (this.size >= this.limits.bytes || this.jobs.length >= this.limits.jobs)
            this.flush();
    }
    packed(content, file) {
        if (this.pack && this.pack.used + content.length > POOLED)
            this.closePack();
        const pack = (this.pack ??= { bytes: this.pool.take(), files: [], ends: [], used: 0 });
        pack.bytes.set(content, pack.used);
        pack.used += content.length;
        pack.files.push(file);
        pack.ends.push(pack.used);
    }
    closePack() {
        if (!this.pack)
            return;
        const { bytes, files, ends, used } = this.pack;
        this.pack = undefined;
        this.add({ kind: 'pack', files, ends, bytes: bytes.subarray(0, used) }, used);
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/offload/pool.js

/**
 * Buffers of POOLED bytes that travel to the worker and come back to be used again. A buffer
 * handed out is the caller's (then the worker's) until it is given back: transferring it
 * detaches it here, so it cannot be handed out twice.
 */
class BufferPool {
    free = [];
    /** A POOLED-byte view: a recycled buffer when one is free, else a new one. */
    take() {
        return new Uint8Array(this.free.pop() ?? new ArrayBuffer(POOLED));
    }
    /** Buffers the worker handed back, free to be taken again. */
    give(buffers) {
        this.free.push(...buffers);
    }
    /**
     * A copy of `b` the worker can own (the caller's buffer may be reused, or be a view of a bigger
     * one): in a pooled buffer when it fits, else in one of its own (never Node's shared pool).
     */
    own(b) {
        if (b.length > POOLED) {
            const copy = Buffer.allocUnsafeSlow(b.length);
            b.copy(copy);
            return copy;
        }
        const view = this.take();
        view.set(b);
        return view.subarray(0, b.length);
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/offload/host.js




const OFFLOAD_LIMITS = {
    batch: BATCH_LIMITS,
    inFlight: 16 * 1024 * 1024,
    share: 4 * 1024 * 1024,
    small: 1024,
    startAfter: 2 * 1024 * 1024,
};
/**
 * Secret scanning on a worker, so the regex work runs beside reading, unpacking and the other
 * rules. Work is batched (Batcher); reading is held back (`ready`) while the worker lags by more
 * than `inFlight` bytes. The worker's findings are reported in the order its work was batched,
 * and all of them before `settle` resolves; a worker failure rejects `ready` and `settle`.
 */
class OffloadHost {
    start;
    engine;
    limits;
    port;
    report = () => { };
    mask;
    local;
    failure;
    /** Bytes of work sent and not yet answered. */
    inFlight = 0;
    waiters = [];
    settles = new Map();
    nextSettle = 0;
    /** Bytes offered so far, while under `startAfter`. */
    early = 0;
    pool = new BufferPool();
    batcher;
    scanning;
    constructor(start, engine, limits = OFFLOAD_LIMITS) {
        this.start = start;
        this.engine = engine;
        this.limits = limits;
        this.batcher = new Batcher(this.pool, (jobs, size, t) => this.send(jobs, size, t), limits.batch);
        this.local = localScanning(engine, this.report);
        this.scanning = this.routes();
    }
    open(report, mask) {
        this.report = report;
        this.mask = mask;
        this.local = localScanning(this.engine, report, mask);
        return this.scanning;
    }
    async close() {
        this.waiters = [];
        await this.port?.close();
    }
    /**
     * Small texts are scanned here (handing one over costs about what scanning it does), and
     * everything is when the worker lags: both cores scan. The first `startAfter` bytes are
     * scanned here too, so a small package never waits for a worker to start.
     */
    routes() {
        const { batcher, limits } = this;
        return {
            // Cheap, and it decides whether there is any work to hand over.
            skim: (raw) => this.local.skim(raw),
            text: (text, file) => this.here(text.length) || text.length < limits.small
                ? this.local.text(text, file)
                : batcher.text(text, file),
            bytes: (content, file) => this.here(content.length) ? this.local.bytes(content, file) : batcher.bytes(content, file),
            // A streamed file's windows are scanned in order by one thread, chosen at its start.
            sink: (file) => (this.here(body/* STREAM_ABOVE */.hP) ? this.local.sink(file) : batcher.sink(file)),
            ready: () => {
                // Work is sent in batches, or at once when the worker has nothing to do.
                if (this.inFlight === 0 || batcher.full)
                    batcher.flush();
                if (!this.port)
                    return undefined;
                if (this.failure)
                    return Promise.reject(this.failure);
                if (this.inFlight < limits.inFlight)
                    return undefined;
                return new Promise((resolve) => this.waiters.push(resolve));
            },
            settle: () => {
                batcher.flush();
                if (this.failure)
                    return Promise.reject(this.failure);
                const port = this.port;
                if (!port)
                    return Promise.resolve();
                const id = this.nextSettle++;
                const settled = new Promise((resolve, reject) => this.settles.set(id, { resolve, reject }));
                port.post({ settle: id });
                return settled;
            },
        };
    }
    /** Whether work of `size` bytes is scanned on this thread. */
    here(size) {
        if (this.early < this.limits.startAfter) {
            this.early += size;
            if (this.early < this.limits.startAfter)
                return true;
        }
        return this.inFlight + this.batcher.queued >= this.limits.share;
    }
    // The worker is started with the first batch: a small package is done before it would be up.
    send(jobs, size, transfer) {
        const masks = Boolean(this.mask);
        this.port ??= this.start((r) => this.onReply(r), (err) => this.fail(err));
        this.inFlight += size;
        this.port.post({ jobs, size, masks }, transfer);
    }
    onReply(r) {
        if ('settled' in r) {
            this.settles.get(r.settled)?.resolve();
            this.settles.delete(r.settled);
            return;
        }
        if ('failed' in r)
            return this.fail(new Error(`secret scanning failed: ${r.failed}`));
        this.pool.give(r.buffers);
        for (const f of r.findings)
            this.report(f);
        if (this.mask)
            for (const v of r.masks)
                this.mask(v);
        this.inFlight -= r.size;
        if (this.inFlight < this.limits.inFlight)
            this.wake();
    }
    fail(err) {
        this.failure = err;
        this.wake();
    }
    /** Lets held-back reading go on; after a failure, rejects every settle waiting. */
    wake() {
        for (const w of this.waiters.splice(0))
            w();
        if (this.failure)
            for (const s of this.settles.values())
                s.reject(this.failure);
    }
}

;// CONCATENATED MODULE: ./build/src/rules/secrets/engine/offload/thread.js


/** Starts `script` (the bundled scan worker) on a worker thread, as the host's port. */
function threadWorker(script) {
    return (reply, fail) => {
        const worker = new external_node_worker_threads_namespaceObject.Worker(script);
        // An idle worker does not keep the process alive.
        worker.unref();
        worker.on('message', reply);
        worker.on('error', fail);
        return {
            post: (req, transfer) => worker.postMessage(req, transfer),
            close: async () => void (await worker.terminate()),
        };
    };
}
/** Secret scanning on a worker thread running `script` (see OffloadHost). */
function workerHost(script, engine) {
    return new OffloadHost(threadWorker(script), engine);
}

;// CONCATENATED MODULE: ./build/src/deps.js








/**
 * What check() needs from the outside world, for the CLI and the Action alike: the artifact
 * reader, and npm (run in `cwd`, so the project's registry and credentials apply) for baselines.
 */
function realDeps(cwd, env) {
    const worker = useWorker(env.PACKGUARD_WORKER, (0,external_node_os_.availableParallelism)())
        ? workerScript()
        : undefined;
    return {
        open: openArtifact,
        scanner: worker ? () => workerHost(worker, secretScan) : undefined,
        async fetchBaseline(spec, pkg) {
            const r = await fetchNpmBaseline({
                spec,
                packageName: pkg.name,
                currentVersion: pkg.version,
                cwd,
                cacheDir: defaultCacheDir(env),
                env,
            });
            return r.kind === 'found'
                ? { kind: 'found', path: r.path, label: `${r.name}@${r.version}` }
                : { kind: 'not-found', reason: r.reason };
        },
    };
}
/**
 * Whether secret scanning gets a worker thread: with `PACKGUARD_WORKER` 1 or 0 as it says, else
 * when there are at least three cores. zlib inflates on a thread of its own, so on two cores the
 * main thread and zlib already fill both, and a worker only adds its hand-over costs (measured:
 * 0.83 s without, 0.89 s with, on the ~100 MB benchmark package on two cores).
 */
function useWorker(setting, cores) {
    if (setting === '0' || setting === '1')
        return setting === '1';
    return cores >= 3;
}
/**
 * The secret-scanning worker bundled beside this code (dist/worker/index.js, next to the Action's
 * dist/index.js and above the CLI's dist/cli/index.js); absent when running from source, where
 * scanning stays on the main thread.
 */
function workerScript() {
    const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    return [(0,external_node_path_.join)(here, 'worker', 'index.js'), (0,external_node_path_.join)(here, '..', 'worker', 'index.js')].find((p) => (0,external_node_fs_.existsSync)(p));
}

;// CONCATENATED MODULE: ./build/src/snapshot.js





/** The lockfile of an artifact as it is now (`packguard snapshot`). Unreadable input throws. */
async function snapshot(cwd, artifact, config, pack) {
    const read = await readArtifact((0,external_node_path_.resolve)(cwd, artifact), {
        open: openArtifact,
        limits: config.safety,
        pack,
        hash: true,
    });
    if (read.error)
        throw new ArtifactError(artifact, read.error);
    const limit = read.problems.find((p) => p.kind === 'limit-exceeded');
    if (limit)
        throw new ArtifactError(artifact, `not read completely: ${limit.message}`);
    return (0,drift_manifest/* buildManifest */.u1)(read.entries, read.format);
}

// EXTERNAL MODULE: ./build/src/release-tag.js
var release_tag = __nccwpck_require__(6317);
;// CONCATENATED MODULE: ./build/src/report/types.js
const FAIL_ON = ['error', 'warning', 'notice', 'never'];

;// CONCATENATED MODULE: ./build/src/options.js









/** Validates raw options, expands globs and loads the config into one typed CheckOptions. */
async function resolveOptions(raw) {
    const paths = raw.paths.map((p) => p.trim()).filter(Boolean);
    if (paths.length === 0)
        throw new errors/* UsageError */.eb('No artifact given. Expected at least one path or glob.');
    const failOn = (raw.failOn?.trim() || 'error');
    if (!FAIL_ON.includes(failOn)) {
        throw new errors/* UsageError */.eb(`Invalid fail-on '${raw.failOn}'. Expected one of ${FAIL_ON.join(', ')}.`);
    }
    const config = await loadConfig(raw.cwd, raw.config?.trim() || undefined);
    const artifacts = await expand(paths, raw.cwd);
    return {
        cwd: raw.cwd,
        artifacts,
        config,
        failOn,
        pack: raw.pack ?? true,
        drift: await driftOptions(raw, config, artifacts),
        expectVersion: raw.expectVersion?.trim() || (0,release_tag/* releaseFromRef */.Rf)(raw.ref),
    };
}
async function driftOptions(raw, config, artifacts) {
    const lockfile = raw.lockfile?.trim() || config.drift.lockfile;
    const baseline = raw.baseline?.trim() || config.drift.baseline;
    if (raw.updateLockfile && !lockfile) {
        throw new errors/* UsageError */.eb('--update-lockfile needs a lockfile: give --lockfile <file> or drift.lockfile.');
    }
    if (!lockfile && !baseline)
        return undefined;
    if (lockfile && artifacts.length > 1) {
        throw new errors/* UsageError */.eb(`A lockfile describes one artifact, but ${artifacts.length} were given. Check each with its own lockfile.`);
    }
    if (baseline) {
        try {
            parseNpmBaseline(baseline);
        }
        catch (err) {
            throw new errors/* UsageError */.eb(err.message);
        }
    }
    const out = {
        settings: config.drift.settings,
        baseline,
        updateLockfile: raw.updateLockfile,
    };
    if (lockfile) {
        const manifest = await readLockfile((0,external_node_path_.resolve)(raw.cwd, lockfile), lockfile, raw.updateLockfile);
        out.lockfile = { path: lockfile, manifest };
    }
    return out;
}
async function readLockfile(full, name, creating) {
    let text;
    try {
        text = await (0,promises_.readFile)(full, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT' && creating)
            return undefined;
        throw new errors/* UsageError */.eb(`Cannot read lockfile ${name} (${code}). Create it with 'packguard snapshot <artifact> --output ${name}' or --update-lockfile.`);
    }
    try {
        return (0,drift_manifest/* parseManifest */.Ng)(text, name);
    }
    catch (err) {
        throw new errors/* ConfigError */.xL(err.message);
    }
}
/**
 * Expands each argument: an existing path is kept as given; a glob becomes its sorted matches.
 * A glob that matches nothing is kept, so that the check reports it as a missing artifact.
 */
async function expand(paths, cwd) {
    const out = [];
    for (const p of paths) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(cwd, p))) {
            out.push(p);
            continue;
        }
        // The glob library loads only for an argument that is no path.
        const { glob, hasMagic } = await __nccwpck_require__.e(/* import() */ 668).then(__nccwpck_require__.bind(__nccwpck_require__, 1668));
        if (!hasMagic(p)) {
            out.push(p);
            continue;
        }
        const matches = (await glob(p, { cwd, dot: true, posix: true })).sort();
        out.push(...(matches.length ? matches : [p]));
    }
    return [...new Set(out)];
}

;// CONCATENATED MODULE: ./build/src/report/escape.js
// Control characters, line and paragraph separators, bidi controls, zero-width and other invisible
// format characters, and lone surrogates (the `u` flag makes the last range match only those):
// names in archives are chosen by whoever built them, so none of these may reach a terminal, a
// summary or a workflow command raw.
const UNSAFE = 
// eslint-disable-next-line no-control-regex
/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]/gu;
// The Actions runner reads `::command::` at the start of a line (after spaces) and the legacy
// `##[command]` anywhere in one: neither may come through whole, wherever the text lands.
const COMMAND = /::|##\[/g;
/** Makes text safe to print on one line: unsafe characters become visible `\u{..}` escapes. */
function printable(text) {
    return text
        .replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)?.toString(16)}}`)
        .replace(COMMAND, (m) => (m === '::' ? ':\\u{3a}' : '#\\u{23}['));
}
/**
 * Printable text that is also inert in GitHub-flavoured markdown and HTML. Names in archives are
 * chosen by whoever built them, so none may become a link: GitHub autolinks `scheme://` and
 * `www.` as they are typed and emails at `@`; a character reference in their place reads the
 * same and triggers nothing.
 */
function markdownText(text) {
    return printable(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|#!~])/g, '\\$1')
        .replace(/@/g, '&#64;')
        .replace(/:(?=\/\/)/g, '&#58;')
        .replace(/\b(www)\./gi, '$1&#46;');
}
/**
 * JSON text with the same value but no `::`, `##[`, bidi control or invisible character in it,
 * for JSON printed to a log: JSON.stringify escapes control characters and newlines, not these.
 */
function inertJson(json) {
    return json
        .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(/::/g, ':\\u003a')
        .replace(/##\[/g, '#\\u0023[');
}
// What JSON.stringify leaves raw but a terminal or log viewer would act on (it escapes the rest).
const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

;// CONCATENATED MODULE: ./build/src/report/json.js

/**
 * The machine-readable report. Characters a log viewer would act on (`::`, `##[`, bidi and
 * invisible characters in archive names) are written as JSON escapes: same data, inert text.
 */
function renderJson(report) {
    return `${inertJson(JSON.stringify(report, null, 2))}\n`;
}

;// CONCATENATED MODULE: ./build/src/report/markdown-sections.js


const n = (x) => (typeof x === 'number' ? (0,units/* formatCount */.B4)(x) : '');
const size = (x) => (typeof x === 'number' ? (0,units/* formatSize */.Xq)(x) : '');
/** Source-map exposure: per map, how many original files and bytes it gives away. */
function exposureTable(findings) {
    const maps = findings.filter((f) => f.rule.startsWith('sourcemap/') && f.data?.firstParty !== undefined);
    if (maps.length === 0)
        return [];
    const out = [
        '### Source-map exposure',
        '',
        '| Artifact | Map | Original files | Their size | From node_modules | Their size |',
        '| --- | --- | ---: | ---: | ---: | ---: |',
    ];
    for (const f of maps.slice(0, 50)) {
        const d = f.data ?? {};
        out.push(`| ${markdownText(f.artifact)} | ${markdownText(f.file)} | ${n(d.firstParty)} | ${size(d.firstPartyBytes)} | ${n(d.dependencies)} | ${size(d.dependencyBytes)} |`);
    }
    if (maps.length > 50)
        out.push('', `_${maps.length - 50} more maps in the report._`);
    return [...out, ''];
}
/** Drift of one artifact: added, removed, mode changes, biggest size changes. */
function driftTable(artifact, findings) {
    const mine = findings.filter((f) => f.artifact === artifact && f.rule.startsWith('drift/') && f.file);
    if (mine.length === 0)
        return [];
    const list = (rule) => mine.filter((f) => f.rule === rule);
    const paths = (fs) => fs
        .slice(0, 20)
        .map((f) => markdownText(f.file))
        .join('<br>') + (fs.length > 20 ? `<br>\u2026 ${fs.length - 20} more` : '');
    const sizes = list('drift/size-changed')
        .sort((a, b) => Math.abs(Number(b.data?.after) - Number(b.data?.before)) -
        Math.abs(Number(a.data?.after) - Number(a.data?.before)))
        .slice(0, 10)
        .map((f) => `${markdownText(f.file)}: ${size(f.data?.before)} \u2192 ${size(f.data?.after)}`)
        .join('<br>');
    const modes = list('drift/mode-changed');
    const rows = [
        ['Added', paths(list('drift/file-added'))],
        ['Removed', paths(list('drift/file-removed'))],
        ['Executable bit changed', paths(modes)],
        ['Biggest size changes', sizes],
    ];
    const out = [`### Drift: ${markdownText(artifact)}`, '', '| Change | Files |', '| --- | --- |'];
    for (const [label, cell] of rows)
        if (cell)
            out.push(`| ${label} | ${cell} |`);
    return [...out, ''];
}
const BAR = 24;
/** Size by top-level folder as a bar chart, with the baseline beside it when there is one. */
function breakdownTable(a) {
    const now = a.breakdown ?? [];
    if (now.length === 0)
        return [];
    const before = new Map((a.baselineBreakdown ?? []).map((f) => [f.folder, f]));
    const folders = [...now];
    for (const f of a.baselineBreakdown ?? [])
        if (!now.some((x) => x.folder === f.folder))
            folders.push({ folder: f.folder, files: 0, bytes: 0 });
    const top = folders.slice(0, 12);
    const max = Math.max(1, ...top.map((f) => Math.max(f.bytes, before.get(f.folder)?.bytes ?? 0)));
    const bar = (bytes) => '\u2588'.repeat(Math.round((bytes / max) * BAR)) || (bytes > 0 ? '\u258f' : '');
    const withBase = a.baselineBreakdown !== undefined;
    const out = [`### Size by folder: ${markdownText(a.path)}`, ''];
    out.push(withBase
        ? `| Folder | Before (${markdownText(a.comparedWith?.at(-1) ?? 'baseline')}) | Now | |`
        : '| Folder | Files | Size | |', withBase ? '| --- | ---: | ---: | --- |' : '| --- | ---: | ---: | --- |');
    for (const f of top) {
        const b = before.get(f.folder);
        out.push(withBase
            ? `| ${markdownText(f.folder)} | ${(0,units/* formatSize */.Xq)(b?.bytes ?? 0)} | ${(0,units/* formatSize */.Xq)(f.bytes)} | \`${bar(f.bytes)}\` |`
            : `| ${markdownText(f.folder)} | ${n(f.files)} | ${(0,units/* formatSize */.Xq)(f.bytes)} | \`${bar(f.bytes)}\` |`);
    }
    if (folders.length > top.length)
        out.push('', `_${folders.length - top.length} smaller folders not shown._`);
    return [...out, ''];
}

;// CONCATENATED MODULE: ./build/src/report/markdown.js






const ICON = { error: '\ud83d\udd34', warning: '\ud83d\udfe0', notice: '\ud83d\udd35' };
const TITLE = { error: 'Errors', warning: 'Warnings', notice: 'Notices' };
/** The runner refuses a job summary over 1 MiB; stay well under it. */
const MAX_SUMMARY_BYTES = 900 * 1024;
/**
 * The job summary: verdict banner, artifacts, findings grouped by severity and rule (linked to
 * the rule docs), source-map exposure, drift and size by folder. Paths are escaped (names in
 * archives are attacker-controlled); past MAX_SUMMARY_BYTES the findings are cut with a note.
 */
function renderMarkdown(report) {
    const head = [...banner(report), ...artifactsTable(report)];
    const tail = [...exposureTable(report.findings)];
    for (const a of report.artifacts)
        append(append(tail, driftTable(a.path, report.findings)), breakdownTable(a));
    if (report.suppressed.length)
        tail.push(`${report.suppressed.length} finding(s) suppressed by \`ignore\` entries (listed in the JSON report).`, '');
    const budget = MAX_SUMMARY_BYTES - Buffer.byteLength([...head, ...tail].join('\n'));
    return `${[...head, ...findingsSections(report.findings, budget), ...tail].join('\n').trimEnd()}\n`;
}
function banner(report) {
    const { error, warning, notice } = report.counts;
    const unreadable = report.artifacts.filter((a) => a.error).length;
    const verdict = unreadable
        ? `\u274c packguard could not read ${unreadable} artifact(s) completely`
        : report.result === 'fail'
            ? '\u274c packguard: fail'
            : '\u2705 packguard: pass';
    return [
        `## ${verdict}`,
        '',
        `**${error}** error(s), **${warning}** warning(s), **${notice}** notice(s) \u00b7 fail-on: \`${report.failOn}\``,
        '',
    ];
}
function artifactsTable(report) {
    const out = ['| Artifact | Format | Files | Size | Status |', '| --- | --- | ---: | ---: | --- |'];
    for (const a of report.artifacts) {
        const status = a.error
            ? `\u274c unreadable: ${markdownText(a.error)}`
            : a.lockfile?.changed
                ? 'read \u00b7 differs from lockfile'
                : 'read';
        out.push(`| ${markdownText(a.path)} | ${a.format ?? ''} | ${(0,units/* formatCount */.B4)(a.files)} | ${(0,units/* formatSize */.Xq)(a.bytes)} | ${status} |`);
    }
    return [...out, ''];
}
/** One section per severity, rows grouped by rule; rows stop when the byte budget runs out. */
function findingsSections(findings, budget) {
    if (findings.length === 0)
        return ['No findings.', ''];
    const out = [];
    let used = 0;
    let shown = 0;
    for (const sev of src_findings/* SEVERITIES */.oC) {
        const list = findings
            .filter((f) => f.severity === sev)
            .sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
        if (list.length === 0)
            continue;
        const header = [
            `### ${ICON[sev]} ${TITLE[sev]} (${list.length})`,
            '',
            '| Rule | Artifact | File | Message |',
            '| --- | --- | --- | --- |',
        ];
        used += Buffer.byteLength(header.join('\n'));
        out.push(...header);
        for (const f of list) {
            const where = f.file ? `${markdownText(f.file)}${f.line ? `:${f.line}` : ''}` : '';
            const row = `| [${f.rule}](${(0,registry/* docsUrl */.fs)(f.rule)}) | ${markdownText(f.artifact)} | ${where} | ${markdownText(f.message)} |`;
            used += Buffer.byteLength(row) + 1;
            if (used > budget)
                break;
            out.push(row);
            shown++;
        }
        out.push('');
        if (used > budget)
            break;
    }
    if (shown < findings.length) {
        out.push(`_${findings.length - shown} more finding(s) not shown: the job summary is limited to 1 MiB. Every finding is in the JSON report._`, '');
    }
    return out;
}

;// CONCATENATED MODULE: ./build/src/report/sarif.js



/** The schema the output is checked against (vendored as schemas/sarif-2.1.0.json). */
const SARIF_SCHEMA = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';
/** Key of our own fingerprint in `partialFingerprints`; bump the version if its inputs change. */
const FINGERPRINT_KEY = 'packguardFingerprint/v1';
/**
 * `security-severity` of a rule (0.0-10.0), by category and by the severity the rule has in this
 * run (its most severe result, else its preset default). GitHub reads >= 9.0 as critical,
 * 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. Leaks are what this tool exists for; unsafe archive
 * entries come next; drift and policy findings are release-process problems, rated lowest.
 */
const SECURITY_SEVERITY = {
    leak: { error: '9.0', warning: '6.5', notice: '3.0' },
    archive: { error: '8.0', warning: '5.5', notice: '2.5' },
    drift: { error: '5.0', warning: '3.5', notice: '1.5' },
    policy: { error: '4.0', warning: '3.0', notice: '1.0' },
};
const LEVEL = {
    error: 'error',
    warning: 'warning',
    notice: 'note',
};
const FIX = {
    leak: 'Keep it out of the package (the `files` list, `.npmignore`, the build config) and rebuild; rotate any credential that was already published.',
    archive: 'Rebuild the archive with the usual packing tool (`npm pack`, `python -m build`) from a clean folder.',
    drift: 'If the change is a mistake, rebuild with the release process; if it is intended, refresh the lockfile (`--update-lockfile`) or the baseline in a reviewed commit.',
    policy: 'Change the package or its metadata to meet the policy, or change the policy in the config.',
};
const CONTENT_FIX = 'Remove the text from the shipped files, or keep those files out of the package, and rebuild; narrow the rule with `files:` under `content:` if it matches too much.';
/**
 * The most results written: GitHub code scanning keeps the 5,000 most severe of a run (and
 * rejects a run past 25,000 or a file past 10 MB). The most severe findings come first, then
 * the suppressed ones; the JSON report keeps every finding.
 */
const MAX_SARIF_RESULTS = 5_000;
/**
 * SARIF 2.1.0 for code scanning: one run, a descriptor for every registered rule (plus rules such
 * as `content/<name>` that only the findings name), one result per finding, suppressed findings
 * included with an external suppression. Pure; returns pretty JSON with a trailing newline.
 */
function renderSarif(report, options = {}) {
    const catalog = options.rules ?? registry/* RULES */.y0;
    const every = [...report.findings, ...report.suppressed];
    const all = every.slice(0, MAX_SARIF_RESULTS);
    const omitted = every.length - all.length;
    const metas = [...catalog.values()];
    const extra = new Map();
    for (const f of all)
        if (!catalog.has(f.rule) && !extra.has(f.rule))
            extra.set(f.rule, metaFromFinding(f));
    metas.push(...[...extra.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
    const index = new Map(metas.map((m, i) => [m.id, i]));
    const worst = new Map();
    for (const f of all) {
        const w = worst.get(f.rule);
        if (!w || (0,src_findings/* severityRank */.qs)(f.severity) > (0,src_findings/* severityRank */.qs)(w))
            worst.set(f.rule, f.severity);
    }
    const byPath = new Map(report.artifacts.map((a) => [a.path, a]));
    const unreadable = report.artifacts.filter((a) => a.error);
    const notifications = unreadable.map((a) => ({
        level: 'error',
        message: { text: printable(`${a.path}: could not be read completely: ${a.error}`) },
        locations: [{ physicalLocation: { artifactLocation: artifactUri(a.path) } }],
    }));
    if (omitted > 0)
        notifications.push({
            level: 'warning',
            message: {
                text: `${omitted} more result(s) not included: code scanning keeps at most ${MAX_SARIF_RESULTS} per run, the most severe first; the JSON report lists every finding`,
            },
            locations: [],
        });
    const run = {
        tool: {
            driver: {
                name: report.tool.name,
                version: report.tool.version,
                informationUri: registry/* DOCS_BASE */.M0.replace(/\/blob\/.*$/, ''),
                rules: metas.map((m) => descriptor(m, worst.get(m.id))),
            },
        },
        invocations: [
            {
                executionSuccessful: unreadable.length === 0,
                ...(notifications.length && { toolExecutionNotifications: notifications }),
            },
        ],
        artifacts: report.artifacts.map((a) => ({
            location: artifactUri(a.path),
            roles: ['analysisTarget'],
            properties: { format: a.format ?? 'unknown', files: a.files, bytes: a.bytes },
        })),
        results: all.map((f) => result(f, index.get(f.rule) ?? 0, byPath.get(f.artifact))),
        columnKind: 'utf16CodeUnits',
        properties: {
            result: report.result,
            failOn: report.failOn,
            ...(omitted > 0 && { omittedResults: omitted }),
        },
    };
    if (options.category)
        run.automationDetails = { id: options.category.replace(/\/?$/, '/') };
    const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
    return `${JSON.stringify(log, null, 2)}\n`;
}
/** A descriptor for a rule only the findings name (`content/<name>`, or a family not yet registered). */
function metaFromFinding(f) {
    const content = /^content\/(.+)$/.exec(f.rule);
    return {
        id: f.rule,
        category: f.category,
        severity: f.severity,
        description: content
            ? `Text matches the content rule '${content[1]}' declared under \`content:\` in the packguard config.`
            : `Reported by the packguard rule ${f.rule}.`,
    };
}
function descriptor(m, seen) {
    const plain = m.description.replace(/`/g, '');
    const security = m.category === 'leak' || m.category === 'archive';
    const effective = seen ?? (m.severity === 'off' ? 'notice' : m.severity);
    const how = howToConfigure(m.id);
    const fix = m.id.startsWith('content/') ? CONTENT_FIX : FIX[m.category];
    return {
        id: m.id,
        name: m.id
            .split(/[^a-zA-Z0-9]+/)
            .filter(Boolean)
            .map((w) => w[0].toUpperCase() + w.slice(1))
            .join(''),
        // The first clause; split before backticks go, so `content:` is not a clause end.
        shortDescription: {
            text: m.description
                .split(/[;:]\s/)[0]
                .replace(/`/g, '')
                .replace(/\.$/, ''),
        },
        fullDescription: { text: plain },
        defaultConfiguration: m.severity === 'off' ? { enabled: false } : { level: LEVEL[m.severity] },
        help: {
            text: `${plain}\n\nFix: ${fix.replace(/`/g, '')}\n\n${how.text}\n\n${(0,registry/* docsUrl */.fs)(m.id)}`,
            markdown: `${m.description}\n\n**Fix:** ${fix}\n\n${how.markdown}\n\n[Rule documentation](${(0,registry/* docsUrl */.fs)(m.id)})`,
        },
        helpUri: (0,registry/* docsUrl */.fs)(m.id),
        properties: {
            tags: security ? ['security', m.category] : [m.category],
            'security-severity': SECURITY_SEVERITY[m.category][effective],
        },
    };
}
function howToConfigure(id) {
    const code = id.replace(/`/g, '');
    const yaml = [
        'rules:',
        `  ${code}: off        # or notice, warning, error`,
        'ignore:',
        `  - rule: ${code}`,
        '    path: dist/some-file.js   # optional glob',
        '    reason: why this is fine  # required',
    ].join('\n');
    const lead = 'If it is intended, turn the rule off or change its severity under `rules:` in .github/packguard.yml, or accept single files with an `ignore:` entry (rule, path glob, reason):';
    return {
        text: `${lead.replace(/`/g, '')}\n\n${yaml}`,
        markdown: `${lead}\n\n\`\`\`yaml\n${yaml}\n\`\`\``,
    };
}
function result(f, ruleIndex, artifact) {
    const [outer, ...nested] = f.file.split(/!(?=\/|sources\[)/);
    const inFolder = Boolean(artifact?.format?.endsWith('directory'));
    const local = inFolder && f.file !== '';
    // A line only makes sense where the location is the very file it counts in: a file of a folder.
    const region = local && nested.length === 0 && f.line
        ? { region: { startLine: f.line, ...(f.column && { startColumn: f.column }) } }
        : {};
    const location = {
        physicalLocation: {
            artifactLocation: artifactUri(local ? joinPath(f.artifact, outer) : f.artifact),
            ...region,
        },
        ...(f.file && {
            logicalLocations: [
                {
                    name: printable(f.file),
                    fullyQualifiedName: printable(inFolder ? joinPath(f.artifact, f.file) : `${f.artifact}!/${f.file}`),
                    kind: 'file',
                },
            ],
        }),
    };
    return {
        ruleId: f.rule,
        ruleIndex,
        level: LEVEL[f.severity],
        message: { text: printable(f.message) },
        locations: [location],
        partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
        ...(f.reason !== undefined && {
            suppressions: [{ kind: 'external', justification: printable(f.reason) }],
        }),
        properties: {
            category: f.category,
            artifact: printable(f.artifact),
            ...(f.file && { pathInArtifact: printable(f.file) }),
            ...(f.line && !region.region && { line: f.line, ...(f.column && { column: f.column }) }),
        },
    };
}
function joinPath(dir, file) {
    return `${dir.replace(/[\\/]+$/, '')}/${file}`;
}
/** A relative path becomes a `%SRCROOT%`-relative URI (forward slashes, each segment escaped). */
function artifactUri(path) {
    const slashed = path.replace(/\\/g, '/');
    const absolute = /^(\/|[a-zA-Z]:\/)/.test(slashed);
    const segments = slashed.split('/').filter((s, i) => s !== '.' && (s !== '' || i === 0));
    const uri = segments.map((s) => (/^[a-zA-Z]:$/.test(s) ? s : encodeURIComponent(s))).join('/');
    if (absolute)
        return { uri: `file://${uri.startsWith('/') ? '' : '/'}${uri}` };
    return { uri: uri || '.', uriBaseId: '%SRCROOT%' };
}

;// CONCATENATED MODULE: ./build/src/report/text.js


const COLORS = {
    error: [31, 39],
    warning: [33, 39],
    notice: [36, 39],
    green: [32, 39],
    bold: [1, 22],
    dim: [2, 22],
};
/**
 * The most findings printed: a terminal or a CI log is read by people, and 100,000 lines (a
 * package of generated files) would bury the verdict. The most severe come first; the JSON
 * report and SARIF keep the rest.
 */
const MAX_TEXT_FINDINGS = 1_000;
/** Terminal output for people: findings grouped by artifact and file, then a one-line verdict. */
function renderText(report, opts) {
    const paint = (style, s) => opts.color ? `\u001b[${COLORS[style][0]}m${s}\u001b[${COLORS[style][1]}m` : s;
    const out = [];
    const shown = report.findings.slice(0, MAX_TEXT_FINDINGS);
    for (const a of report.artifacts) {
        const kind = a.format ? `${a.format}, ${a.files} files, ${(0,units/* formatSize */.Xq)(a.bytes)}` : 'not read';
        out.push(paint('bold', `${printable(a.path)}`) + paint('dim', ` (${kind})`));
        if (a.error)
            out.push(`  ${paint('error', 'unreadable')}  ${printable(a.error)}`);
        if (a.comparedWith?.length)
            out.push(paint('dim', `  compared with ${a.comparedWith.map(printable).join(' and ')}`));
        const drift = driftSummary(report.findings.filter((f) => f.artifact === a.path));
        if (drift)
            out.push(`  ${paint('bold', 'drift:')} ${drift}`);
        if (a.lockfile?.changed)
            out.push(paint('dim', `  the artifact differs from ${printable(a.lockfile.path)}; --update-lockfile rewrites it`));
        const byFile = groupBy(shown.filter((f) => f.artifact === a.path), (f) => f.file);
        for (const [file, list] of byFile) {
            out.push(`  ${file ? printable(file) : paint('dim', '(artifact)')}`);
            for (const f of list) {
                const where = f.line ? paint('dim', `:${f.line}${f.column ? `:${f.column}` : ''} `) : '';
                out.push(`    ${where}${paint(f.severity, f.severity.padEnd(7))}  ${printable(f.message)}  ${paint('dim', f.rule)}`);
            }
        }
        const none = byFile.size === 0 && !report.findings.some((f) => f.artifact === a.path);
        if (!a.error && none)
            out.push(`  ${paint('green', 'no findings')}`);
        out.push('');
    }
    const hidden = report.findings.length - shown.length;
    if (hidden > 0) {
        out.push(paint('bold', `${(0,units/* formatCount */.B4)(hidden)} more finding(s) not shown (${countsOf(report.findings.slice(shown.length))}); the most severe ${(0,units/* formatCount */.B4)(shown.length)} are above, and --format json or sarif lists every one`));
    }
    if (report.suppressed.length > 0) {
        out.push(paint('dim', `${report.suppressed.length} finding(s) suppressed by ignore entries (listed in the JSON report)`));
    }
    out.push(verdict(report, paint));
    return `${out.join('\n')}\n`;
}
function countsOf(findings) {
    const n = { error: 0, warning: 0, notice: 0 };
    for (const f of findings)
        n[f.severity]++;
    return `${(0,units/* formatCount */.B4)(n.error)} error(s), ${(0,units/* formatCount */.B4)(n.warning)} warning(s), ${(0,units/* formatCount */.B4)(n.notice)} notice(s)`;
}
function verdict(report, paint) {
    const { error, warning, notice } = report.counts;
    const counts = `${error} error(s), ${warning} warning(s), ${notice} notice(s)`;
    const unreadable = report.artifacts.filter((a) => a.error).length;
    const n = report.artifacts.length;
    if (unreadable > 0)
        return paint('error', `\u2716 packguard could not read ${unreadable} of ${n} artifact(s) completely; ${counts}`);
    if (report.result === 'fail')
        return paint('error', `\u2716 packguard: fail (${counts}; fail-on ${report.failOn})`);
    return paint('green', `\u2714 packguard: pass (${counts}) in ${n} artifact(s)`);
}
const DRIFT_WORDS = [
    ['drift/file-added', 'added'],
    ['drift/file-removed', 'removed'],
    ['drift/mode-changed', 'mode changed'],
    ['drift/type-changed', 'type changed'],
    ['drift/size-changed', 'size changed'],
    ['drift/content-changed', 'content changed'],
];
/** "1 added, 4 mode changed" for an artifact's drift findings, or '' without any. */
function driftSummary(findings) {
    return DRIFT_WORDS.map(([rule, word]) => [findings.filter((f) => f.rule === rule).length, word])
        .filter(([n]) => n > 0)
        .map(([n, word]) => `${n} ${word}`)
        .join(', ');
}
function groupBy(items, key) {
    const m = new Map();
    for (const it of items) {
        const k = key(it);
        const list = m.get(k);
        if (list)
            list.push(it);
        else
            m.set(k, [it]);
    }
    return m;
}

;// CONCATENATED MODULE: ./build/src/cli.js

















const HELP = `packguard: check a built package before it ships

Usage:
  packguard check <artifact...> [options]   check tarballs, zips, folders or globs
  packguard snapshot <artifact> [options]   write the artifact's lockfile (packguard.lock.json)
  packguard --help | --version

Run 'packguard check --help' or 'packguard snapshot --help' for the options.
`;
const SNAPSHOT_HELP = `Usage: packguard snapshot <artifact> [options]

Writes a deterministic manifest of the artifact (path, size, mode and sha256 of every file) to
commit next to the release process; 'packguard check --lockfile' then fails on any drift from it.

Options:
  --output <file>        where to write it (default packguard.lock.json; '-' for stdout)
  --config <file>        config file (for safety limits)
  --no-pack              read an npm package folder whole, not just what npm would publish
`;
const CHECK_HELP = `Usage: packguard check <artifact...> [options]

Artifacts: npm tarballs, .tar/.tar.gz/.tgz, zip family (.zip .whl .jar .vsix .nupkg ...),
folders, npm package folders (checked as 'npm pack' would publish them), or globs of these.

Options:
  --config <file>        config file (default: .github/packguard.yml if present)
  --format <fmt>         text (default), json, markdown or sarif
  --output <file>        write the report in --format to this file; text still goes to stdout
  --fail-on <severity>   error (default), warning, notice or never
  --no-pack              scan an npm package folder whole, not just what npm would publish
  --lockfile <file>      compare with a committed lockfile (see 'packguard snapshot')
  --update-lockfile      rewrite the lockfile from the artifact instead of failing on drift
  --baseline <spec>      compare with another artifact file, npm:<name>@<version|tag>, or
                         npm:previous (the highest published version below the one checked)
  --expect-version <v>   the version being released, or <package>@<version> in a monorepo
                         (default: the tag of GITHUB_REF refs/tags/*)
  -h, --help             show this help

Exit status: 0 pass, 1 findings at or above --fail-on, 2 usage or config error,
3 an artifact could not be read completely.
`;
const FORMATS = ['text', 'json', 'markdown', 'sarif'];
/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
async function main(argv, io) {
    try {
        return await run(argv, io);
    }
    catch (err) {
        if (err instanceof errors/* UsageError */.eb || err instanceof errors/* ConfigError */.xL) {
            io.stderr.write(`packguard: ${err.message}\n`);
            return errors/* EXIT */.dc.usage;
        }
        io.stderr.write(`packguard: internal error: ${err.stack ?? err}\n`);
        return errors/* EXIT */.dc.unreadable;
    }
}
async function run(argv, io) {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-v') {
        io.stdout.write(`${VERSION}\n`);
        return errors/* EXIT */.dc.pass;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
        io.stdout.write(HELP);
        return command === undefined ? errors/* EXIT */.dc.usage : errors/* EXIT */.dc.pass;
    }
    if (command === 'snapshot')
        return runSnapshot(rest, io);
    if (command !== 'check') {
        throw new errors/* UsageError */.eb(`unknown command '${command}'. Run 'packguard --help'.`);
    }
    const args = parseCheckArgs(rest);
    if (args.help) {
        io.stdout.write(CHECK_HELP);
        return errors/* EXIT */.dc.pass;
    }
    const options = await resolveOptions({
        cwd: io.cwd,
        paths: args.paths,
        config: args.config,
        failOn: args.failOn,
        pack: !args.noPack,
        lockfile: args.lockfile,
        updateLockfile: args.updateLockfile,
        baseline: args.baseline,
        expectVersion: args.expectVersion,
        ref: io.env.GITHUB_REF,
    });
    const report = await check(options, realDeps(io.cwd, io.env));
    const color = useColor(io);
    const lock = report.artifacts[0]?.lockfile;
    if (args.updateLockfile && lock?.changed && !report.artifacts[0].error) {
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(io.cwd, lock.path), (0,drift_manifest/* serializeManifest */.MZ)(lock.proposed));
        io.stderr.write(`packguard: updated ${lock.path}; review and commit it\n`);
    }
    if (args.output) {
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(io.cwd, args.output), render(report, args.format, false));
        io.stdout.write(renderText(report, { color }));
    }
    else {
        io.stdout.write(render(report, args.format, color));
    }
    return (0,errors/* exitCode */.I$)(report);
}
function render(report, format, color) {
    if (format === 'json')
        return renderJson(report);
    if (format === 'markdown')
        return renderMarkdown(report);
    if (format === 'sarif')
        return renderSarif(report);
    return renderText(report, { color });
}
function parseCheckArgs(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: argv,
            allowPositionals: true,
            options: {
                config: { type: 'string' },
                format: { type: 'string', default: 'text' },
                output: { type: 'string' },
                'fail-on': { type: 'string' },
                'no-pack': { type: 'boolean', default: false },
                lockfile: { type: 'string' },
                'update-lockfile': { type: 'boolean', default: false },
                baseline: { type: 'string' },
                'expect-version': { type: 'string' },
                help: { type: 'boolean', short: 'h', default: false },
            },
        });
    }
    catch (err) {
        throw new errors/* UsageError */.eb(`${err.message}. Run 'packguard check --help'.`);
    }
    const { values, positionals } = parsed;
    const format = values.format;
    if (!FORMATS.includes(format))
        throw new errors/* UsageError */.eb(`Invalid --format '${format}'. Expected one of ${FORMATS.join(', ')}.`);
    if (!values.help && positionals.length === 0)
        throw new errors/* UsageError */.eb("No artifact given. Run 'packguard check --help'.");
    return {
        paths: positionals,
        config: values.config,
        format,
        output: values.output,
        failOn: values['fail-on'],
        noPack: values['no-pack'],
        lockfile: values.lockfile,
        updateLockfile: values['update-lockfile'],
        baseline: values.baseline,
        expectVersion: values['expect-version'],
        help: values.help,
    };
}
async function runSnapshot(argv, io) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: argv,
            allowPositionals: true,
            options: {
                output: { type: 'string', default: 'packguard.lock.json' },
                config: { type: 'string' },
                'no-pack': { type: 'boolean', default: false },
                help: { type: 'boolean', short: 'h', default: false },
            },
        });
    }
    catch (err) {
        throw new errors/* UsageError */.eb(`${err.message}. Run 'packguard snapshot --help'.`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
        io.stdout.write(SNAPSHOT_HELP);
        return errors/* EXIT */.dc.pass;
    }
    if (positionals.length !== 1)
        throw new errors/* UsageError */.eb("snapshot takes exactly one artifact. Run 'packguard snapshot --help'.");
    const config = await loadConfig(io.cwd, values.config);
    let manifest;
    try {
        manifest = await snapshot(io.cwd, positionals[0], config, !values['no-pack']);
    }
    catch (err) {
        if (!(err instanceof ArtifactError))
            throw err;
        io.stderr.write(`packguard: ${err.message}\n`);
        return errors/* EXIT */.dc.unreadable;
    }
    const text = (0,drift_manifest/* serializeManifest */.MZ)(manifest);
    if (values.output === '-')
        io.stdout.write(text);
    else {
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(io.cwd, values.output), text);
        io.stdout.write(`wrote ${values.output} (${manifest.totals.files} files, ${(0,units/* formatSize */.Xq)(manifest.totals.bytes)})\n`);
    }
    return errors/* EXIT */.dc.pass;
}
function useColor(io) {
    if (io.env.NO_COLOR)
        return false;
    if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0')
        return true;
    return Boolean(io.stdout.isTTY);
}

;// CONCATENATED MODULE: ./build/src/bin.js

void main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
}).then((code) => {
    process.exitCode = code;
});

