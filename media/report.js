// RFL Lens workspace report view: draws the report model (src/core/report/model.ts) into the page.
// The same script runs in the VS Code webview (model arrives by postMessage, clicks open files)
// and in the exported HTML file (model embedded as a JSON data block, no editor to talk to).
// DOM is built with createElement/textContent only: report text never becomes markup.
(function () {
  'use strict';

  const SVG_NS = 'http://www.w3.org/2000/svg';
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const root = document.getElementById('app');
  let state = (vscode && vscode.getState()) || {};

  /** createElement with attributes/classes and children (strings become text nodes). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else el.setAttribute(k, String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      el.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
    }
    return el;
  }

  function svg(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined) el.setAttribute(k, String(v));
    for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return el;
  }

  const fmt = new Intl.NumberFormat('en-US');
  const num = (n) => fmt.format(n);
  const pct = (p) => `${p.toFixed(1)} %`;
  const badge = (text, cls) => h('span', { class: `badge ${cls}` }, text);
  const grade = (p, sites) => (sites === 0 ? 'none' : p >= 90 ? 'good' : p >= 60 ? 'fair' : 'poor');

  const ADVICE = {
    'drop-now': 'drop now',
    'drop-at-bump': 'drop at next bump',
    needed: 'needed',
    broken: 'error',
  };

  /** Makes an element open `file` at an editor position when clicked or activated by keyboard. */
  function opens(el, file, line, character) {
    if (!vscode) return el;
    el.classList.add('clickable');
    el.setAttribute('tabindex', '0');
    el.setAttribute('title', `Open ${file}:${line + 1}`);
    const go = () => vscode.postMessage({ type: 'open', file, line, character });
    el.addEventListener('click', go);
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        go();
      }
    });
    return el;
  }

  function toolbar() {
    if (!vscode) return null;
    const button = (label, message, secondary) => {
      const b = h('button', { type: 'button', class: secondary ? 'secondary' : undefined }, label);
      b.addEventListener('click', () => vscode.postMessage(message));
      return b;
    };
    return h('div', { class: 'toolbar' },
      button('Refresh', { type: 'refresh' }),
      button('Export Markdown…', { type: 'export', format: 'markdown' }, true),
      button('Export JSON…', { type: 'export', format: 'json' }, true));
  }

  function summarySection(m) {
    const s = m.summary;
    const card = (value, label, id) => h('div', { class: 'card', id }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));
    const byCode = Object.entries(s.findingsByCode).filter(([, n]) => n > 0);
    return h('section', { id: 'summary' },
      h('h2', {}, 'Summary'),
      h('div', { class: 'cards' },
        card(num(s.files), 'files scanned', 'card-files'),
        card(num(s.lines), 'lines', 'card-lines'),
        card(num(s.unsafe.sites), 'unsafe sites', 'card-unsafe'),
        card(pct(s.unsafe.percent), `SAFETY coverage (${num(s.unsafe.documented)} documented)`, 'card-coverage'),
        card(num(s.placeholders), 'SAFETY: TODO placeholders', 'card-placeholders'),
        card(`${s.toolchain.minimum} – ${s.toolchain.database}`, 'rustc: tree minimum – database', 'card-toolchain')),
      h('p', { class: 'meta' }, `Minimum: ${s.toolchain.minimumOrigin}. Database: ${s.toolchain.databaseSource} (rustc ${s.toolchain.database}).`),
      byCode.length
        ? h('table', { id: 'codes' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Diagnostic code'), h('th', { class: 'num' }, 'Count'))),
          h('tbody', {}, byCode.map(([code, n]) => h('tr', {}, h('td', {}, h('code', {}, code)), h('td', { class: 'num' }, num(n))))))
        : h('p', { class: 'empty' }, 'No findings.'));
  }

  function coverageChart(dirs) {
    const rows = dirs.filter((d) => d.sites > 0);
    if (!rows.length) return h('p', { class: 'empty' }, 'No unsafe code found.');
    const labelW = 260;
    const barW = 320;
    const rowH = 22;
    const width = labelW + barW + 130;
    const chart = svg('svg', { class: 'chart', role: 'img', width, height: rows.length * rowH + 4, viewBox: `0 0 ${width} ${rows.length * rowH + 4}` },
      svg('title', {}, 'SAFETY coverage per directory'));
    rows.forEach((d, i) => {
      const y = i * rowH + 2;
      const label = d.directory.length > 38 ? `…${d.directory.slice(-37)}` : d.directory;
      const g = svg('g', { class: 'row' },
        svg('title', {}, `${d.directory}: ${d.documented} of ${d.sites} unsafe sites documented`),
        svg('text', { x: labelW - 8, y: y + 15, 'text-anchor': 'end' }, label),
        svg('rect', { class: 'track', x: labelW, y: y + 3, width: barW, height: rowH - 8, rx: 2 }),
        svg('rect', { class: `bar ${grade(d.percent, d.sites)}`, x: labelW, y: y + 3, width: Math.round((barW * d.percent) / 100), height: rowH - 8, rx: 2 }),
        svg('text', { x: labelW + barW + 8, y: y + 15 }, `${pct(d.percent)} (${d.documented}/${d.sites})`));
      chart.append(g);
    });
    return chart;
  }

  function coverageSection(m) {
    return h('section', { id: 'coverage' },
      h('h2', {}, 'SAFETY coverage by directory'),
      coverageChart(m.directories),
      h('table', { id: 'directories' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Directory'), h('th', { class: 'num' }, 'Files'), h('th', { class: 'num' }, 'Unsafe'),
          h('th', { class: 'num' }, 'Documented'), h('th', { class: 'num' }, 'Coverage'), h('th', { class: 'num' }, 'Findings'))),
        h('tbody', {}, m.directories.map((d) => h('tr', {},
          h('td', {}, h('code', {}, d.directory)), h('td', { class: 'num' }, num(d.files)), h('td', { class: 'num' }, num(d.sites)),
          h('td', { class: 'num' }, num(d.documented)), h('td', { class: 'num' }, d.sites ? pct(d.percent) : '–'), h('td', { class: 'num' }, num(d.findings)))))));
  }

  function gatesSection(m) {
    const t = m.summary.toolchain;
    const gates = m.gates;
    const dropNow = gates.filter((g) => g.advice === 'drop-now');
    const dropBump = gates.filter((g) => g.advice === 'drop-at-bump');
    const anyKernel = gates.some((g) => g.allowListed !== undefined);
    const advice = [];
    if (dropNow.length) advice.push(h('p', { id: 'drop-now' }, `Can be dropped now (stable at rustc ${t.minimum}): `, dropNow.map((g, i) => [i ? ', ' : '', h('code', {}, g.name)])));
    if (dropBump.length) advice.push(h('p', { id: 'drop-at-bump' }, 'Can be dropped when the minimum rustc is raised: ', dropBump.map((g, i) => [i ? ', ' : '', h('code', {}, g.name), ` (${g.since})`])));
    return h('section', { id: 'gates' },
      h('h2', {}, `Feature gates (${gates.length})`),
      advice,
      gates.length
        ? h('table', { id: 'gate-table' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Feature'), h('th', {}, `At ${t.minimum}`), h('th', {}, `At ${t.database}`), h('th', {}, 'Stable since'),
            anyKernel ? h('th', { title: 'On the kernel allow-list (rust_allowed_features) for code outside rust/' }, 'Allow-list') : null, h('th', {}, 'Advice'), h('th', {}, 'Used in'))),
          h('tbody', {}, gates.map((g) => h('tr', { 'data-gate': g.name },
            h('td', {}, g.trackingIssue ? h('a', { href: `https://github.com/rust-lang/rust/issues/${g.trackingIssue}` }, h('code', {}, g.name)) : h('code', {}, g.name)),
            h('td', {}, badge(g.statusAtMinimum, `status-${g.statusAtMinimum}`)),
            h('td', {}, badge(g.statusAtDatabase, `status-${g.statusAtDatabase}`)),
            h('td', {}, g.since || '–'),
            anyKernel ? h('td', {}, g.allowListed === undefined ? '–' : g.allowListed ? badge('listed', 'allow-yes') : badge('not listed', 'allow-no')) : null,
            h('td', {}, badge(ADVICE[g.advice] || g.advice, `advice-${g.advice}`)),
            h('td', {}, h('ul', { class: 'uses' }, g.uses.map((u) => opens(h('li', { class: 'mono' }, `${u.file}:${u.line}:${u.column}`), u.file, u.lspLine, u.lspCharacter))))))))
        : h('p', { class: 'empty' }, 'No #![feature(...)] gates used.'));
  }

  function findingsSection(m) {
    const all = m.findings;
    const rules = [...new Set(all.map((f) => f.code))].sort();
    const dirs = [...new Set(all.map((f) => f.directory))].sort();
    const select = (id, label, values, current) => {
      const s = h('select', { id, 'aria-label': label }, h('option', { value: '' }, `All (${label})`), values.map((v) => h('option', { value: v }, v)));
      s.value = values.includes(current) ? current : '';
      return s;
    };
    const rule = select('filter-rule', 'rules', rules, state.rule);
    const dir = select('filter-dir', 'directories', dirs, state.directory);
    const count = h('span', { class: 'count', id: 'finding-count' });
    const rows = all.map((f) => {
      const tr = h('tr', { 'data-code': f.code, 'data-directory': f.directory },
        h('td', {}, h('code', {}, f.directory)),
        h('td', { class: 'mono' }, `${f.file.slice(f.file.lastIndexOf('/') + 1)}:${f.line}:${f.column}`),
        h('td', {}, badge(f.severity, `sev-${f.severity}`), ' ', h('code', {}, f.code)),
        h('td', {}, f.message));
      return opens(tr, f.file, f.lspLine, f.lspCharacter);
    });
    const apply = () => {
      let shown = 0;
      for (const tr of rows) {
        const visible = (!rule.value || tr.dataset.code === rule.value) && (!dir.value || tr.dataset.directory === dir.value);
        tr.classList.toggle('hidden', !visible);
        if (visible) shown++;
      }
      count.textContent = `Showing ${num(shown)} of ${num(all.length)} findings`;
      state = { ...state, rule: rule.value, directory: dir.value };
      if (vscode) vscode.setState(state);
    };
    rule.addEventListener('change', apply);
    dir.addEventListener('change', apply);
    apply();
    return h('section', { id: 'findings' },
      h('h2', {}, `SAFETY findings (${num(all.length)})`),
      all.length
        ? [h('div', { class: 'filters' }, h('label', {}, 'Rule ', rule), h('label', {}, 'Directory ', dir), count),
          h('table', { id: 'finding-table' },
            h('thead', {}, h('tr', {}, h('th', {}, 'Directory'), h('th', {}, 'Location'), h('th', {}, 'Rule'), h('th', {}, 'Message'))),
            h('tbody', {}, rows))]
        : h('p', { class: 'empty' }, 'No SAFETY findings.'));
  }

  function otherSection(m) {
    if (!m.skipped.length && !m.problems.length) return null;
    return h('section', { id: 'notes' },
      h('h2', {}, 'Not analysed'),
      m.skipped.length ? h('ul', {}, m.skipped.map((s) => h('li', {}, h('code', {}, s.path), `: ${s.reason}`))) : null,
      m.problems.length ? h('ul', {}, m.problems.map((p) => h('li', { class: 'error' }, p))) : null);
  }

  function render(m) {
    state = { ...state, model: m };
    if (vscode) vscode.setState(state);
    const roots = m.roots.join(', ');
    root.replaceChildren(
      h('header', {},
        h('h1', {}, 'RFL Lens workspace report'),
        h('p', { class: 'meta' }, `${roots} · generated ${m.generatedAt} by rfl-lens ${m.tool}`),
        toolbar()),
      summarySection(m),
      gatesSection(m),
      coverageSection(m),
      findingsSection(m),
      otherSection(m) || '');
  }

  function message(text, cls) {
    root.replaceChildren(h('header', {}, h('h1', {}, 'RFL Lens workspace report'), toolbar()), h('p', { class: cls }, text));
  }

  const embedded = document.getElementById('rfl-report-data');
  if (embedded) {
    render(JSON.parse(embedded.textContent));
  } else if (vscode) {
    window.addEventListener('message', (event) => {
      const msg = event.data;
      if (!msg || typeof msg !== 'object') return;
      if (msg.type === 'report') render(msg.model);
      else if (msg.type === 'busy') {
        if (!state.model) message(msg.message, 'empty');
      } else if (msg.type === 'error') message(msg.message, 'error');
    });
    if (state.model) render(state.model);
    else message('Scanning the workspace…', 'empty');
    vscode.postMessage({ type: 'ready' });
  }
})();
