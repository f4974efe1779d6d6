// Uploads dropped or chosen files straight to S3: the dashboard checks each file and signs a PUT
// whose signature fixes its size and type; the browser then sends the bytes to S3 with a progress
// bar. A refused file shows the reason before any byte is sent.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  var input = document.getElementById("files");
  var list = document.getElementById("uploads");
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");

  function item(file) {
    var li = document.createElement("li");
    var name = document.createElement("span");
    name.className = "name";
    name.textContent = file.name + " ";
    var bar = document.createElement("progress");
    bar.max = 100; bar.value = 0;
    bar.setAttribute("aria-label", "upload of " + file.name);
    var state = document.createElement("span");
    state.className = "state";
    state.textContent = " waiting";
    li.appendChild(name); li.appendChild(bar); li.appendChild(state);
    list.appendChild(li);
    return { li: li, bar: bar, state: state };
  }

  function show(entry, cls, message) {
    entry.li.className = cls;
    entry.li.setAttribute("data-state", cls);
    entry.state.textContent = " " + message;
  }

  function put(file, signed, entry) {
    var request = new XMLHttpRequest();
    request.open(signed.method, signed.url);
    Object.keys(signed.headers).forEach(function (h) { request.setRequestHeader(h, signed.headers[h]); });
    request.upload.onprogress = function (e) {
      if (e.lengthComputable) { entry.bar.value = Math.floor(100 * e.loaded / e.total); show(entry, "sending", entry.bar.value + " %"); }
    };
    request.onload = function () {
      if (request.status >= 200 && request.status < 300) {
        entry.bar.value = 100;
        show(entry, "done", "uploaded: the pipeline has it");
      } else {
        show(entry, "error", "S3 refused the upload (HTTP " + request.status + ")");
      }
    };
    request.onerror = function () { show(entry, "error", "the connection to S3 failed"); };
    request.send(file);
  }

  function upload(file) {
    var entry = item(file);
    var request = new XMLHttpRequest();
    request.open("POST", "/api/uploads");
    request.setRequestHeader("Content-Type", "application/json");
    request.setRequestHeader("X-CSRF-Token", token);
    request.onload = function () {
      var answer;
      try { answer = JSON.parse(request.responseText); } catch (e) { answer = { error: "HTTP " + request.status }; }
      if (request.status === 200) {
        show(entry, "sending", "0 %");
        put(file, answer, entry);
      } else {
        show(entry, "refused", "refused: " + (answer.error || ("HTTP " + request.status)));
      }
    };
    request.onerror = function () { show(entry, "error", "the dashboard did not answer"); };
    request.send(JSON.stringify({ name: file.name, sizeBytes: file.size, type: file.type }));
  }

  function uploadAll(files) { Array.prototype.forEach.call(files, upload); }

  input.addEventListener("change", function () { uploadAll(input.files); input.value = ""; });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  ["dragenter", "dragover"].forEach(function (type) {
    form.addEventListener(type, function (e) { e.preventDefault(); form.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    form.addEventListener(type, function (e) { e.preventDefault(); form.classList.remove("over"); });
  });
  form.addEventListener("drop", function (e) { uploadAll(e.dataTransfer.files); });
})();
