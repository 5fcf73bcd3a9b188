/**
 * The report's only script, inline (no network): filters, copy buttons and the plan trees. Plain
 * ES2017 in a string, not compiled TypeScript, so what runs in the browser is exactly this text
 * (the page's Content-Security-Policy allows it by its hash and nothing else).
 */
export const SCRIPT = `(function () {
  'use strict';
  var dataElement = document.getElementById('pgvigil-data');
  var data = JSON.parse(dataElement ? dataElement.textContent : '{}');
  var all = function (selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); };

  function applyFilters() {
    var severities = all('.severity-filter').filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    var select = document.getElementById('rule-filter');
    var rule = select ? select.value : '';
    var findings = all('.finding');
    var shown = 0;
    findings.forEach(function (finding) {
      var visible = severities.indexOf(finding.dataset.severity) >= 0 && (rule === '' || finding.dataset.rule === rule);
      finding.hidden = !visible;
      if (visible) shown += 1;
    });
    all('.file-group, .promise-group').forEach(function (group) {
      group.hidden = !group.querySelector('.finding:not([hidden])');
    });
    var count = document.getElementById('shown-count');
    if (count) count.textContent = shown + ' of ' + findings.length + ' findings shown';
  }
  all('.severity-filter, #rule-filter').forEach(function (control) { control.addEventListener('change', applyFilters); });
  applyFilters();

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (error) { copied = false; }
    document.body.removeChild(area);
    return copied ? Promise.resolve('fallback') : Promise.reject(new Error('copy refused'));
  }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return 'clipboard'; }, function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }
  function flash(button, text) {
    button.textContent = text;
    setTimeout(function () { button.textContent = 'Copy'; }, 1500);
  }

  function showDetails(row) {
    var node = row.closest('.node');
    var plan = row.closest('.plan');
    var details = data.plans && data.plans[Number(plan.dataset.plan)];
    var info = details && details[Number(node.dataset.node)];
    var aside = plan.querySelector('.node-details');
    if (!info || !aside) return;
    all('.node-row.selected', plan).forEach(function (other) { other.classList.remove('selected'); });
    row.classList.add('selected');
    aside.textContent = '';
    var title = document.createElement('h4');
    title.textContent = info.label;
    aside.appendChild(title);
    var list = document.createElement('dl');
    [info.figures, info.properties].forEach(function (entries) {
      Object.keys(entries).forEach(function (key) {
        var value = entries[key];
        var term = document.createElement('dt');
        term.textContent = key;
        var text = document.createElement('dd');
        text.textContent = Array.isArray(value) ? value.join(', ') : String(value);
        list.appendChild(term);
        list.appendChild(text);
      });
    });
    aside.appendChild(list);
    aside.hidden = false;
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var button = target.closest('button.copy');
    if (button) {
      var code = button.closest('.sql').querySelector('code');
      copy(code ? code.textContent : '').then(function (how) {
        button.dataset.copied = how;
        flash(button, 'Copied');
      }, function () { flash(button, 'Select and copy'); });
      return;
    }
    var toggle = target.closest('button.toggle');
    if (toggle) {
      var collapsed = toggle.closest('.node').classList.toggle('collapsed');
      toggle.setAttribute('aria-expanded', String(!collapsed));
      toggle.textContent = collapsed ? '\\u25B8' : '\\u25BE';
      return;
    }
    var row = target.closest('.node-row');
    if (row) showDetails(row);
  });
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key === 'Enter' && target instanceof Element && target.classList.contains('node-row')) showDetails(target);
  });
})();
`;
