// Printable monthly report of ведомственный контроль (seed 000 §10-11):
// reads Query.monthlyReport through /graphql and lays it out for printing,
// with the CSV documents to download. In the sandbox the caller picks a
// seeded user (X-Dev-User header); in production the browser's client
// certificate authenticates. Every load is a read of the Log-journal,
// recorded as such.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const state = { user: params.get("user") || "" };

  const kindNames = {
    OUTSIDE_CASELOAD: "Запрос вне производства", UNUSUAL_VOLUME: "Необычный объём запросов",
    COLLEAGUE: "Запрос о сотруднике", RELATIVE: "Запрос о родственнике",
  };

  async function graphql(query, variables) {
    const headers = { "Content-Type": "application/json" };
    if (state.user) headers["X-Dev-User"] = state.user;
    const resp = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    return resp.json();
  }

  function setStatus(text, error) {
    $("status").textContent = text;
    $("status").className = "no-print" + (error ? " error" : "");
  }

  function errorText(errors) {
    return errors.map((e) => e.message + (e.extensions && e.extensions.reason ? " (" + e.extensions.reason + ")" : "")).join("; ");
  }

  // Astana times come as RFC 3339 with +05:00: shown as "ДД.ММ.ГГГГ ЧЧ:ММ:СС".
  function astana(t) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(t || "");
    return m ? m[3] + "." + m[2] + "." + m[1] + " " + m[4] : t || "";
  }

  function date(d) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d || "");
    return m ? m[3] + "." + m[2] + "." + m[1] : d || "";
  }

  function row(tbody, cells, cls) {
    const tr = document.createElement("tr");
    if (cls) tr.className = cls;
    for (const c of cells) {
      const td = document.createElement("td");
      if (c instanceof Node) td.appendChild(c); else td.textContent = c;
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }

  function kind(k) {
    const s = document.createElement("span");
    s.className = "kind";
    s.textContent = kindNames[k] || k;
    return s;
  }

  async function loadUsers() {
    const r = await graphql("{ sandboxUsers { iin fullName blocked agreementSigned agency role { nameRu } } }");
    if (r.errors) { // production: the certificate identifies the user
      $("user-field").hidden = true;
      return;
    }
    const sel = $("user");
    for (const u of r.data.sandboxUsers) {
      if (u.blocked || !u.agreementSigned) continue;
      const o = document.createElement("option");
      o.value = u.iin;
      o.textContent = u.fullName + " — " + u.role.nameRu + " (" + u.agency + ")";
      sel.appendChild(o);
    }
    if (state.user) sel.value = state.user;
    state.user = sel.value;
    sel.addEventListener("change", () => { state.user = sel.value; });
  }

  const reportQuery = `query($month: String!, $agency: String) {
    me { fullName position }
    monthlyReport(month: $month, agency: $agency) {
      agency agencyNameRu from to generatedAt requests denied activeUsers
      violations { kind userIin userName at seq subject detailRu }
      users { userIin fullName roleCode requests denied violations services }
      entries { seq at userIin userName basis caseNumber justification services subjects denials { path reason } violations { kind } }
      csv { name mediaType content }
    } }`;

  async function load(ev) {
    if (ev) ev.preventDefault();
    const month = $("month").value;
    if (!month) return;
    setStatus("Формирование отчёта…");
    const agency = $("agency").value.trim() || null;
    const r = await graphql(reportQuery, { month, agency });
    const rep = r.data && r.data.monthlyReport;
    if (!rep) {
      setStatus(errorText(r.errors || [{ message: "нет данных" }]), true);
      $("report").hidden = true;
      return;
    }
    render(rep, r.data.me);
    setStatus("Отчёт сформирован: " + rep.requests + " запросов, " + rep.violations.length + " признаков нарушений.");
    document.body.dataset.ready = "1";
  }

  function render(rep, me) {
    $("agency-name").textContent = rep.agencyNameRu + " (" + rep.agency + ")";
    $("period").textContent = date(rep.from) + " — " + date(rep.to);
    $("generated").textContent = astana(rep.generatedAt) + " (время г. Астаны)";
    $("by").textContent = me ? me.fullName + ", " + me.position : "";
    $("t-requests").textContent = rep.requests;
    $("t-denied").textContent = rep.denied;
    $("t-users").textContent = rep.activeUsers;
    $("t-violations").textContent = rep.violations.length;

    const vb = $("violations").tBodies[0];
    vb.innerHTML = "";
    for (const v of rep.violations) {
      row(vb, [astana(v.at), kind(v.kind), v.userName + " (" + v.userIin + ")", v.subject, v.detailRu]);
    }
    if (!rep.violations.length) row(vb, ["", "не выявлено", "", "", ""]);

    const ub = $("users").tBodies[0];
    ub.innerHTML = "";
    for (const u of rep.users) {
      row(ub, [u.userIin, u.fullName, u.roleCode, u.requests, u.denied, u.violations, u.services.join(", ")], u.violations ? "flagged" : "");
    }

    const eb = $("entries").tBodies[0];
    eb.innerHTML = "";
    for (const e of rep.entries) {
      row(eb, [astana(e.at), e.userName + " (" + e.userIin + ")", e.basis, e.caseNumber, e.justification,
        e.services.join(", "), e.subjects.join(", "), e.denials.map((d) => d.path + ": " + d.reason).join("; ")],
        e.violations.length ? "flagged" : "");
    }

    const dl = $("downloads");
    dl.innerHTML = "";
    for (const f of rep.csv) {
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([f.content], { type: f.mediaType }));
      a.download = f.name;
      a.textContent = f.name;
      dl.appendChild(a);
    }
    $("report").hidden = false;
    $("print").disabled = false;
  }

  $("controls").addEventListener("submit", load);
  $("print").addEventListener("click", () => window.print());
  const now = new Date(Date.now() + 5 * 3600 * 1000); // Astana (UTC+5)
  $("month").value = params.get("month") || now.toISOString().slice(0, 7);
  if (params.get("agency")) $("agency").value = params.get("agency");
  loadUsers().then(() => { if (params.get("month")) load(); });
})();
