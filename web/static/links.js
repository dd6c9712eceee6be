// Link chart of SIO: builds Inquiry.links through /graphql, draws it with
// cytoscape.js, expands a person or company on click and downloads the
// exports. In the sandbox the caller picks a seeded user (X-Dev-User
// header) and one of their cases; in production the browser's client
// certificate authenticates and the address names the basis
// (?basis=KIND&case=NUMBER, with &year=&court= for a court case).
//
// The exports hold the graph the chart was built with: the same subject,
// basis, level and node cap (maxNodes) as drawn, requested again from the
// server (graphs are deterministic). Nodes added by expanding are not in
// them: each expansion is a graph of its own.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const DEFAULT_MAX_NODES = 200, MAX_MAX_NODES = 5000;
  const state = { user: "", basis: null, root: null, depth: 1, maxNodes: DEFAULT_MAX_NODES, omitted: 0, busy: false };

  const colors = {
    PERSON: "#2b6cb0", LEGAL_ENTITY: "#dd6b20", REAL_ESTATE: "#2f855a", LAND_PLOT: "#718c00",
    VEHICLE: "#6b46c1", PHONE: "#0987a0", ADDRESS: "#718096",
  };
  const shapes = {
    PERSON: "ellipse", LEGAL_ENTITY: "round-rectangle", REAL_ESTATE: "diamond", LAND_PLOT: "hexagon",
    VEHICLE: "triangle", PHONE: "tag", ADDRESS: "vee",
  };
  const kindNames = {
    PERSON: "Физическое лицо", LEGAL_ENTITY: "Юридическое лицо", REAL_ESTATE: "Недвижимость",
    LAND_PLOT: "Земельный участок", VEHICLE: "Транспортное средство", PHONE: "Телефон", ADDRESS: "Адрес",
  };
  const linkNames = {
    SPOUSE: "супруг(а)", EX_SPOUSE: "бывш. супруг(а)", PARENT: "родитель", SIBLING: "брат/сестра",
    FOUNDER: "учредитель", DIRECTOR: "руководитель", EMPLOYEE: "работник", PROPERTY_OWNER: "собственник",
    LAND_HOLDER: "правообладатель", VEHICLE_OWNER: "владелец ТС", REGISTERED_AT: "прописан(а)",
    PHONE_SUBSCRIBER: "абонент",
  };

  const cy = cytoscape({
    container: $("cy"),
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "background-color": (n) => colors[n.data("kind")] || "#a0aec0",
        "shape": (n) => shapes[n.data("kind")] || "ellipse",
        "label": "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 120,
        "width": 22, "height": 22, "color": "#1a202c", "text-valign": "bottom", "text-margin-y": 3 } },
      { selector: "node[?truncated]", style: { "border-width": 3, "border-style": "dashed", "border-color": "#c53030" } },
      { selector: "node.root", style: { "width": 34, "height": 34, "border-width": 4, "border-color": "#c53030" } },
      { selector: "node:selected", style: { "overlay-color": "#f6e05e", "overlay-opacity": 0.4 } },
      { selector: "edge", style: {
        "width": 1.5, "line-color": "#a0aec0", "target-arrow-color": "#a0aec0", "curve-style": "bezier",
        "target-arrow-shape": (e) => ["SPOUSE", "EX_SPOUSE", "SIBLING"].includes(e.data("kind")) ? "none" : "triangle",
        "label": (e) => linkNames[e.data("kind")] || e.data("kind"), "font-size": 7, "color": "#4a5568",
        "text-rotation": "autorotate" } },
    ],
  });
  window.sioLinkChart = cy; // for tests and the console

  function headers() {
    const h = { "Content-Type": "application/json" };
    if (state.user) h["X-Dev-User"] = state.user;
    return h;
  }

  async function graphql(query, variables) {
    const resp = await fetch("/graphql", { method: "POST", headers: headers(), body: JSON.stringify({ query, variables }) });
    const body = await resp.json();
    return body;
  }

  function setStatus(text, error) {
    $("status").textContent = text;
    $("status").className = error ? "error" : "";
  }

  function errorText(errors) {
    return errors.map((e) => e.message + (e.extensions && e.extensions.reason ? " (" + e.extensions.reason + ")" : "")).join("; ");
  }

  // --- sandbox users and their cases ---
  async function loadUsers() {
    const r = await graphql("{ sandboxUsers { iin fullName blocked agreementSigned role { code nameRu } cases { number basis article status } } }");
    if (r.errors) { // production: the certificate identifies the user
      $("user-field").hidden = true;
      return loadOwnCases();
    }
    const sel = $("user");
    for (const u of r.data.sandboxUsers) {
      if (u.blocked || !u.agreementSigned) continue;
      const o = document.createElement("option");
      o.value = u.iin;
      o.textContent = u.fullName + " — " + u.role.nameRu;
      o.dataset.cases = JSON.stringify(u.cases.filter((c) => c.status === "OPEN"));
      sel.appendChild(o);
    }
    sel.addEventListener("change", showCases);
    const want = new URLSearchParams(location.search).get("user");
    if (want) sel.value = want;
    showCases();
  }

  async function loadOwnCases() {
    // Without the sandbox the basis comes from the address: ?basis=KIND
    // &case=NUMBER (and &year=&court= for a court case). Without it the
    // only option is empty and building says what is missing.
    const p = new URLSearchParams(location.search);
    const sel = $("case");
    const o = document.createElement("option");
    if (p.get("basis")) {
      const b = { kind: p.get("basis") };
      if (p.get("case")) b.caseNumber = p.get("case");
      if (p.get("year")) b.year = Number(p.get("year"));
      if (p.get("court")) b.court = p.get("court");
      o.value = JSON.stringify(b);
      o.textContent = b.kind + (b.caseNumber ? " № " + b.caseNumber : "");
    } else {
      o.value = "";
      o.textContent = "основание не указано: добавьте к адресу ?basis=…&case=…";
    }
    sel.appendChild(o);
  }

  // parseBasis reads a case option's value; null if it names no basis.
  function parseBasis(value) {
    if (!value) return null;
    try {
      const b = JSON.parse(value);
      return b && typeof b === "object" && typeof b.kind === "string" && b.kind ? b : null;
    } catch (e) {
      return null;
    }
  }

  function showCases() {
    const sel = $("user");
    state.user = sel.value;
    const cases = JSON.parse((sel.selectedOptions[0] || { dataset: { cases: "[]" } }).dataset.cases || "[]");
    const cs = $("case");
    cs.innerHTML = "";
    for (const c of cases) {
      const o = document.createElement("option");
      o.value = JSON.stringify({ kind: c.basis, caseNumber: c.number });
      o.textContent = c.basis + " № " + c.number + (c.article ? " (ст. " + c.article + ")" : "");
      cs.appendChild(o);
    }
    const want = new URLSearchParams(location.search).get("case");
    if (want) for (const o of cs.options) if ((parseBasis(o.value) || {}).caseNumber === want) cs.value = o.value;
  }

  // basis is the BasisInput of the chosen case and justification; null
  // when no basis is chosen (no case, or none named in the address).
  function basis() {
    const b = parseBasis($("case").value);
    if (b) b.justification = $("justification").value;
    return b;
  }

  // maxNodes is the node cap asked for: the field's value within the
  // server's bounds.
  function maxNodes() {
    const n = Math.floor(Number($("max-nodes").value));
    return n >= 1 && n <= MAX_MAX_NODES ? n : DEFAULT_MAX_NODES;
  }

  function subjectOf(id) {
    const [kind, key] = id.split(":");
    return kind === "LEGAL_ENTITY" ? { bin: key } : { iin: key };
  }

  const linksQuery = `query($b: BasisInput!, $s: SubjectInput!, $d: Int!, $m: Int!) { inquiry(basis: $b) {
    links(subject: $s, depth: $d, maxNodes: $m) { root depth truncated
      nodes { id kind key label level degree truncated attrs { name value } provenance { service record } }
      edges { id source target kind attrs { name value } provenance { service record } } } } }`;

  function elements(g) {
    const nodes = g.nodes.map((n) => ({ group: "nodes", data: {
      id: n.id, label: n.label, kind: n.kind, key: n.key, level: n.level, degree: n.degree, truncated: n.truncated,
      attrs: n.attrs, service: n.provenance.service, record: n.provenance.record } }));
    const edges = g.edges.map((e) => ({ group: "edges", data: {
      id: e.id, source: e.source, target: e.target, kind: e.kind, attrs: e.attrs,
      service: e.provenance.service, record: e.provenance.record } }));
    return nodes.concat(edges);
  }

  async function fetchGraph(subject, depth) {
    const r = await graphql(linksQuery, { b: state.basis, s: subject, d: depth, m: state.maxNodes });
    if (r.errors && !(r.data && r.data.inquiry && r.data.inquiry.links)) {
      throw new Error(errorText(r.errors));
    }
    state.omitted += (r.extensions && r.extensions.linksOmitted) || 0;
    return r.data.inquiry.links;
  }

  function layout() {
    cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: 8000, idealEdgeLength: 80, fit: true, padding: 20 }).run();
  }

  function summary() {
    const trunc = cy.nodes("[?truncated]").length;
    setStatus("Узлов: " + cy.nodes().length + ", связей: " + cy.edges().length +
      (trunc ? ", усечено у " + trunc + " узл." : "") +
      (state.omitted ? ", скрыто по матрице доступа: " + state.omitted : ""));
  }

  async function build(ev) {
    if (ev) ev.preventDefault();
    if (state.busy) return;
    const b = basis();
    if (!b) {
      setStatus("Не указано основание запроса: выберите дело" +
        ($("user-field").hidden ? " (в адресе страницы: ?basis=ВИД&case=НОМЕР)" : "") + ".", true);
      return;
    }
    state.busy = true;
    state.basis = b;
    state.depth = Number($("depth").value);
    state.maxNodes = maxNodes();
    $("max-nodes").value = state.maxNodes;
    state.omitted = 0;
    const id = $("subject").value.trim();
    setStatus("Запрос…");
    try {
      const subject = id.charAt(4) >= "4" && id.charAt(4) <= "6" ? { bin: id } : { iin: id };
      const g = await fetchGraph(subject, state.depth);
      state.root = g.root;
      cy.elements().remove();
      cy.add(elements(g));
      cy.getElementById(g.root).addClass("root");
      layout();
      summary();
      document.querySelectorAll("#exports button").forEach((b) => { b.disabled = false; });
      document.body.dataset.ready = "1";
    } catch (e) {
      setStatus(e.message, true);
    } finally {
      state.busy = false;
    }
  }

  async function expand(node) {
    const kind = node.data("kind");
    if ((kind !== "PERSON" && kind !== "LEGAL_ENTITY") || state.busy) return;
    state.busy = true;
    setStatus("Раскрытие…");
    try {
      const g = await fetchGraph(subjectOf(node.id()), 1);
      const fresh = elements(g).filter((el) => cy.getElementById(el.data.id).empty());
      cy.add(fresh);
      node.data("expanded", true);
      layout();
      summary();
      document.body.dataset.expanded = String(Number(document.body.dataset.expanded || 0) + 1);
    } catch (e) {
      setStatus(e.message, true);
    } finally {
      state.busy = false;
    }
  }

  function showDetails(el) {
    const d = el.data();
    const rows = [["Вид", kindNames[d.kind] || linkNames[d.kind] || d.kind], ["Наименование", d.label || ""],
      ["Идентификатор", d.key || (d.source + " → " + d.target)], ["Источник", d.service + " / " + d.record]];
    if (d.level !== undefined) rows.push(["Уровень", d.level], ["Связей", d.degree + (d.truncated ? " (показаны не все)" : "")]);
    for (const a of d.attrs || []) rows.push([a.name, a.value]);
    const dl = document.createElement("dl");
    for (const [k, v] of rows) {
      const dt = document.createElement("dt"); dt.textContent = k;
      const dd = document.createElement("dd"); dd.textContent = String(v);
      dl.append(dt, dd);
    }
    $("details").replaceChildren(dl);
  }

  // exportFiles asks the server for the built graph in a format: the same
  // subject, basis, level and node cap as drawn (see the top of the file).
  async function exportFiles(format) {
    if (!state.root) throw new Error("Схема ещё не построена.");
    const q = `query($b: BasisInput!, $s: SubjectInput!, $d: Int!, $m: Int!, $f: LinkExportFormat!) { inquiry(basis: $b) {
      links(subject: $s, depth: $d, maxNodes: $m) { export(format: $f) { name mediaType content } } } }`;
    const r = await graphql(q, { b: state.basis, s: subjectOf(state.root), d: state.depth, m: state.maxNodes, f: format });
    if (r.errors) throw new Error(errorText(r.errors));
    return r.data.inquiry.links.export;
  }
  window.sioLinkExport = exportFiles; // for tests and the console

  async function download(format) {
    let files;
    try {
      files = await exportFiles(format);
    } catch (e) {
      setStatus(e.message, true);
      return;
    }
    for (const f of files) {
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([f.content], { type: f.mediaType }));
      a.download = f.name;
      document.body.appendChild(a);
      a.click();
      a.remove();
    }
  }

  cy.on("tap", "node", (ev) => { showDetails(ev.target); expand(ev.target); });
  cy.on("tap", "edge", (ev) => showDetails(ev.target));
  $("query").addEventListener("submit", build);
  document.querySelectorAll("#exports button").forEach((b) => b.addEventListener("click", () => download(b.dataset.format)));

  loadUsers().then(() => {
    const p = new URLSearchParams(location.search);
    if (p.get("max")) $("max-nodes").value = p.get("max");
    if (p.get("subject")) {
      $("subject").value = p.get("subject");
      if (p.get("depth")) $("depth").value = p.get("depth");
      build();
    }
  });
})();
