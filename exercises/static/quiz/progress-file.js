/* quiz/progress-file.js: the progress file in the browser, as exercises/progress writes, reads and merges it.
 *
 * - canonical(value): the canonical JSON of exercises/progress/canonical.py (keys sorted by UTF-16 code units, as
 *   JavaScript sorts, numbers as JavaScript writes them, no spaces); sha256(text): the SHA-256 (hex) of the text's
 *   UTF-8 bytes, in plain JavaScript (crypto.subtle exists only on https and localhost); checksum(content).
 * - toJson(content): the file as exercises.progress.to_json writes it (same fields in the same order, indent 1).
 * - read(bytes or text): the checks of exercises.progress.read_progress, in the same order and with the same
 *   messages (only the JSON parser's own words differ); it throws an Error whose .progress is true.
 * - merge(first, second): exercises/progress/merging.py, rule for rule.
 * The schema is exercises/progress/progress.schema.json, written in by exercises/quiz_script.py when it bundles this
 * file; firstProblem applies it as exercises/progress/schema_check.py does. tests/progress/test_progress_js_parity.py
 * runs this file and the Python side on the same inputs.
 */
(function (root) {
  "use strict";
  var SCHEMA = __PROGRESS_SCHEMA__;
  var FORMAT = "deepseek-headlines-progress", SCHEMA_VERSION = 1, MAX_BYTES = 2000000, MAX_DEPTH = 32;
  var LONE_SURROGATE = /\p{Cs}/u;
  var TYPE_WORDS = {string: "text", integer: "a whole number", "boolean": "true or false", "null": "null",
    object: "an object", array: "a list", number: "a number"};
  var PATTERN_WORDS = {};
  PATTERN_WORDS[SCHEMA.$defs.timestamp.pattern] = "a date and time such as 2025-01-27T09:30:00.000Z";
  PATTERN_WORDS[SCHEMA.$defs.exercise_id.pattern] = "an exercise id such as cost-total";
  PATTERN_WORDS[SCHEMA.properties.checksum.pattern] = "64 hexadecimal digits";

  function problem(message) {
    var error = new Error(message);
    error.progress = true;
    return error;
  }

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  function has(object, name) { return Object.prototype.hasOwnProperty.call(object, name); }

  /* Text cut to its first `count` code points (Python's text[:count]). */
  function codePoints(text, count) { return Array.from(text).slice(0, count).join(""); }

  /* ---- canonical JSON and its SHA-256 ---------------------------------------------------------------- */

  function notCanonical(reason) { var error = new Error(reason); error.notCanonical = true; return error; }

  function canonical(value, depth) {
    depth = depth || 0;
    if (value !== null && typeof value === "object" && depth >= MAX_DEPTH) {
      throw notCanonical("it nests more than " + MAX_DEPTH + " levels deep");
    }
    if (value === null || typeof value === "boolean") { return String(value); }
    if (typeof value === "number") {
      if (!isFinite(value)) { throw notCanonical("it holds a number that is not finite"); }
      return String(value);
    }
    if (typeof value === "string") {
      if (LONE_SURROGATE.test(value)) { throw notCanonical("it holds text that is not valid Unicode"); }
      return JSON.stringify(value);
    }
    if (Array.isArray(value)) {
      return "[" + value.map(function (item) { return canonical(item, depth + 1); }).join(",") + "]";
    }
    if (typeof value === "object") {
      return "{" + Object.keys(value).sort().map(function (key) {
        return canonical(key, depth + 1) + ":" + canonical(value[key], depth + 1);
      }).join(",") + "}";
    }
    throw notCanonical("it holds a " + typeof value + ", which JSON cannot");
  }

  var ROUND = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

  function rotate(word, bits) { return (word >>> bits) | (word << (32 - bits)); }

  /* The SHA-256 (FIPS 180-4) of the text's UTF-8 bytes, in hexadecimal. */
  function sha256(text) {
    var bytes = new TextEncoder().encode(text), length = bytes.length;
    var blocks = Math.ceil((length + 9) / 64), data = new Uint8Array(blocks * 64), view = new DataView(data.buffer);
    var hash = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var words = new Array(64), block, i, a, b, c, d, e, f, g, h, temp1, temp2;
    data.set(bytes);
    data[length] = 0x80;
    view.setUint32(data.length - 8, Math.floor(length / 0x20000000));
    view.setUint32(data.length - 4, (length * 8) >>> 0);
    for (block = 0; block < data.length; block += 64) {
      for (i = 0; i < 16; i++) { words[i] = view.getUint32(block + i * 4); }
      for (i = 16; i < 64; i++) {
        var s0 = rotate(words[i - 15], 7) ^ rotate(words[i - 15], 18) ^ (words[i - 15] >>> 3);
        var s1 = rotate(words[i - 2], 17) ^ rotate(words[i - 2], 19) ^ (words[i - 2] >>> 10);
        words[i] = (words[i - 16] + s0 + words[i - 7] + s1) | 0;
      }
      a = hash[0]; b = hash[1]; c = hash[2]; d = hash[3]; e = hash[4]; f = hash[5]; g = hash[6]; h = hash[7];
      for (i = 0; i < 64; i++) {
        temp1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + ROUND[i] + words[i]) | 0;
        temp2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + temp1) | 0; d = c; c = b; b = a; a = (temp1 + temp2) | 0;
      }
      hash = [hash[0] + a, hash[1] + b, hash[2] + c, hash[3] + d, hash[4] + e, hash[5] + f, hash[6] + g, hash[7] + h];
    }
    return hash.map(function (word) { return ("0000000" + (word >>> 0).toString(16)).slice(-8); }).join("");
  }

  /* The checksum of a file's content: the SHA-256 of the canonical JSON of every field but "checksum". */
  function checksum(content) {
    var unsigned = {};
    Object.keys(content).forEach(function (key) { if (key !== "checksum") { unsigned[key] = content[key]; } });
    return sha256(canonical(unsigned));
  }

  /* ---- writing a file -------------------------------------------------------------------------------- */

  /* A record's content with its fields in the order exercises.progress.record writes them. */
  function ordered(content) {
    var exercises = {}, result;
    Object.keys(content.exercises).forEach(function (id) {
      var state = content.exercises[id];
      exercises[id] = {last_answer: state.last_answer, attempts: state.attempts,
        right_at_first_try: state.right_at_first_try, answer_shown: state.answer_shown, first_seen: state.first_seen,
        last_changed: state.last_changed};
    });
    result = {format: FORMAT, schema_version: SCHEMA_VERSION, kit_version: content.kit_version,
      exported_at: content.exported_at, exercises: exercises};
    if (typeof content.learner === "string") { result.learner = content.learner; }
    return result;
  }

  /* The progress file of a record's content, written as exercises.progress.to_json writes it. */
  function toJson(content) {
    var file = ordered(content);
    file.checksum = checksum(file);
    return JSON.stringify(file, null, 1);
  }

  /* ---- reading a file -------------------------------------------------------------------------------- */

  function resolve(schema) {
    if (!has(schema, "$ref")) { return schema; }
    return schema.$ref.replace(/^#\//, "").split("/").reduce(function (target, part) { return target[part]; }, SCHEMA);
  }

  function hasType(value, name) {
    if (Array.isArray(name)) { return name.some(function (one) { return hasType(value, one); }); }
    if (typeof value === "boolean") { return name === "boolean"; }
    if (name === "integer") { return Number.isInteger(value); }
    if (name === "null") { return value === null; }
    if (name === "number") { return typeof value === "number"; }
    if (name === "string") { return typeof value === "string"; }
    if (name === "array") { return Array.isArray(value); }
    return name === "object" && isObject(value);
  }

  /* Python's re.search with "$", which also matches before a final newline. */
  function matches(pattern, text) { return new RegExp(pattern.replace(/\$$/, "(?:\\n)?$")).test(text); }

  /* What is wrong with value under schema, naming the field (schema_check.first_problem), or null. */
  function firstProblem(value, schema, where) {
    schema = resolve(schema);
    var field = where.length ? "The field \"" + where.join(".") + "\"" : "The file";
    if (has(schema, "type") && !hasType(value, schema.type)) {
      var types = Array.isArray(schema.type) ? schema.type : [schema.type];
      return field + " should be " + types.map(function (name) { return TYPE_WORDS[name]; }).join(" or ") + ".";
    }
    if (has(schema, "enum") && !schema.enum.some(function (allowed) { return value === allowed; })) {
      return field + " should be " + schema.enum.map(function (allowed) { return JSON.stringify(allowed); })
        .join(" or ") + ".";
    }
    if (typeof value === "string") { return textProblem(value, schema, field); }
    if (typeof value === "number" && has(schema, "minimum") && value < schema.minimum) {
      return field + " should be at least " + schema.minimum + ".";
    }
    return isObject(value) ? objectProblem(value, schema, where) : null;
  }

  function textProblem(text, schema, field) {
    var length = Array.from(text).length;
    if (has(schema, "maxLength") && length > schema.maxLength) {
      return field + " should be at most " + schema.maxLength + " characters long.";
    }
    if (length < (schema.minLength || 0)) { return field + " should not be empty."; }
    if (has(schema, "pattern") && !matches(schema.pattern, text)) {
      return field + " should be " + PATTERN_WORDS[schema.pattern] + ".";
    }
    return null;
  }

  function objectProblem(content, schema, where) {
    var required = schema.required || [], known = schema.properties || {}, i, name, item, found;
    var others = has(schema, "additionalProperties") ? schema.additionalProperties : true;
    for (i = 0; i < required.length; i++) {
      if (!has(content, required[i])) {
        return "The field \"" + where.concat(required[i]).join(".") + "\" is missing.";
      }
    }
    var names = Object.keys(content);
    for (i = 0; i < names.length; i++) {
      name = names[i];
      if (schema.propertyNames && (found = firstProblem(name, schema.propertyNames, []))) {
        return found.replace("The file", function () {
          return "The name \"" + codePoints(name, 100) + "\" in \"" + where.join(".") + "\"";
        });
      }
      if (has(known, name)) {
        item = known[name];
      } else if (others === false) {
        return "The field \"" + where.concat(codePoints(name, 100)).join(".") + "\" is not part of a progress file.";
      } else {
        item = isObject(others) ? others : {};
      }
      if (Object.keys(item).length && (found = firstProblem(content[name], item, where.concat(name)))) { return found; }
    }
    return null;
  }

  var TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

  /* The parts of a date and time Python's datetime.fromisoformat accepts, or null. */
  function timeParts(text) {
    var found = TIMESTAMP.exec(text);
    if (!found) { return null; }
    var part = found.map(function (digits) { return Number(digits); });
    var days = new Date(Date.UTC(part[1], part[2], 0)).getUTCDate();
    if (part[1] < 1 || part[2] < 1 || part[2] > 12 || part[3] < 1 || part[3] > days || part[4] > 23 ||
        part[5] > 59 || part[6] > 59 || (found[8] && (part[9] > 23 || part[10] > 59))) { return null; }
    return {found: found, part: part};
  }

  /* A time as a number of microseconds since 1970, so that times in different offsets compare (merging.moment). */
  function moment(text) {
    var parsed = timeParts(text), part = parsed.part, found = parsed.found;
    var offset = found[8] ? (found[8] === "-" ? -1 : 1) * (part[9] * 60 + part[10]) : 0;
    var date = new Date(0);
    date.setUTCFullYear(part[1], part[2] - 1, part[3]);
    date.setUTCHours(part[4], part[5], part[6], 0);
    return (date.getTime() - offset * 60000) * 1000 + Number(((found[7] || "") + "000000").slice(0, 6));
  }

  function checkValues(content) {
    var times = [["exported_at"]];
    Object.keys(content.exercises).forEach(function (name) {
      times.push(["exercises", name, "first_seen"], ["exercises", name, "last_changed"]);
    });
    times.forEach(function (where) {
      var value = where.reduce(function (object, part) { return object[part]; }, content);
      if (!timeParts(value)) { throw problem("The field \"" + where.join(".") + "\" is not a real date and time."); }
    });
    Object.keys(content.exercises).forEach(function (name) {
      try { canonical(content.exercises[name].last_answer, 3); } catch (error) {
        if (!error.notCanonical) { throw error; }
        throw problem("The field \"exercises." + name + ".last_answer\" cannot be read: " + error.message + ".");
      }
    });
    var header = {};
    Object.keys(content).forEach(function (key) { if (key !== "exercises") { header[key] = content[key]; } });
    try { canonical(header); } catch (error) {
      if (!error.notCanonical) { throw error; }
      throw problem("The file cannot be read: " + error.message + ".");
    }
  }

  /* The content of a progress file (bytes or text), checked as exercises.progress.read_progress checks it. */
  function read(input) {
    var tooLarge = "The file is too large to be a progress file (more than 2,000,000 bytes).", bytes, text, content;
    if (typeof input === "string") {
      if (input.length > MAX_BYTES) { throw problem(tooLarge); }
      if (LONE_SURROGATE.test(input)) {
        throw problem("The file is not a progress file: it holds text that is not valid Unicode.");
      }
      bytes = new TextEncoder().encode(input);
    } else {
      bytes = input;
    }
    if (bytes.length > MAX_BYTES) { throw problem(tooLarge); }
    try { text = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(bytes); } catch (error) {
      throw problem("The file is not a progress file: it is not UTF-8 text.");
    }
    try { content = JSON.parse(text); } catch (error) {
      throw problem("The file is not a progress file: it is not valid JSON (" + error.message + ").");
    }
    if (!isObject(content) || content.format !== FORMAT) {
      throw problem("The file is not a progress file of this kit (its \"format\" is not \"" + FORMAT + "\").");
    }
    if (hasType(content.schema_version, "integer") && content.schema_version > SCHEMA_VERSION) {
      throw problem("The file was written by a newer version of the kit (progress format " + content.schema_version +
        "; this kit reads format " + SCHEMA_VERSION + "): update the kit to read it.");
    }
    var found = firstProblem(content, SCHEMA, []);
    if (found) { throw problem(found); }
    checkValues(content);
    if (content.checksum !== checksum(content)) {
      throw problem("The checksum does not match: the file was edited by hand after it was exported.");
    }
    return ordered(content);
  }

  /* ---- merging two records (exercises/progress/merging.py) ------------------------------------------- */

  /* Compares two values as Python compares them: text by code points, false before true. */
  function compareOne(first, second) {
    if (first === second) { return 0; }
    if (typeof first === "string") {
      var a = Array.from(first), b = Array.from(second);
      for (var i = 0; i < Math.min(a.length, b.length); i++) {
        if (a[i] !== b[i]) { return a[i].codePointAt(0) < b[i].codePointAt(0) ? -1 : 1; }
      }
      return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
    }
    return first < second ? -1 : 1;
  }

  function compare(first, second) {
    for (var i = 0; i < first.length; i++) {
      var order = compareOne(first[i], second[i]);
      if (order) { return order; }
    }
    return 0;
  }

  /* Python's max(first, second, key=key) and min(…): the first unless the second's key is greater (smaller). */
  function largest(first, second, key) { return compare(key(second), key(first)) > 0 ? second : first; }

  function smallest(first, second, key) { return compare(key(second), key(first)) < 0 ? second : first; }

  function mergeStates(first, second) {
    if (!first || !second) { return first || second; }
    var latest = largest(first, second, function (state) {
      return [moment(state.last_changed), state.last_changed, state.attempts, canonical(state.last_answer)];
    });
    var earliest = smallest(first, second, function (state) {
      return [state.right_at_first_try === null, moment(state.first_seen), state.first_seen, state.right_at_first_try];
    });
    return {last_answer: latest.last_answer, attempts: latest.attempts,
      right_at_first_try: earliest.right_at_first_try, answer_shown: first.answer_shown || second.answer_shown,
      first_seen: earliest.first_seen, last_changed: latest.last_changed};
  }

  /* Both records' content in one (merging.merge). */
  function merge(first, second) {
    var header = largest(first, second, function (record) {
      var named = typeof record.learner === "string";
      return [named, moment(record.exported_at), record.exported_at, record.kit_version, named ? record.learner : ""];
    });
    var names = Object.keys(first.exercises).concat(Object.keys(second.exercises).filter(function (name) {
      return !has(first.exercises, name);
    })).sort(), exercises = {};
    names.forEach(function (name) {
      exercises[name] = mergeStates(has(first.exercises, name) ? first.exercises[name] : null,
        has(second.exercises, name) ? second.exercises[name] : null);
    });
    return ordered({kit_version: header.kit_version, exported_at: header.exported_at, learner: header.learner,
      exercises: exercises});
  }

  root.KitProgressFile = {canonical: canonical, sha256: sha256, checksum: checksum, toJson: toJson, read: read,
    merge: merge, ordered: ordered, format: FORMAT, maxBytes: MAX_BYTES};
}(typeof window === "undefined" ? globalThis : window));
