// The province's progress: approved workers per day and in total against the targets, by park.
import { LOCALE, number as formatNumber } from '/formats.js';
import { language, setUpLanguage } from '/language.js';
import { cell, row } from '/tables.js';
const TEXT = {
  vi: {
    title: 'Tiến độ đưa lao động trở lại làm việc — Bắc Giang', csv: 'Tải CSV', enterprises: 'doanh nghiệp được duyệt',
    workers: 'lao động được duyệt', asOf: 'ngày', targets: 'Mục tiêu', target: 'Mục tiêu', by: 'Hạn', goal: 'Số lao động',
    reached: 'Đạt được', state: 'Tình trạng', parks: 'Theo khu công nghiệp', park: 'Khu công nghiệp',
    cumulative: 'Lao động được duyệt (cộng dồn)', daily: 'Lao động được duyệt trong ngày', goalLine: 'Mục tiêu',
    MET: 'Đạt', MISSED: 'Không đạt', OPEN: 'Đang thực hiện'
  },
  en: {
    title: 'Workers back at work — Bắc Giang progress', csv: 'Download CSV', enterprises: 'enterprises approved',
    workers: 'workers approved', asOf: 'as of', targets: 'Targets', target: 'Target', by: 'By', goal: 'Workers',
    reached: 'Reached', state: 'State', parks: 'By industrial park', park: 'Industrial park',
    cumulative: 'Approved workers (cumulative)', daily: 'Workers approved that day', goalLine: 'Target',
    MET: 'Met', MISSED: 'Missed', OPEN: 'Open'
  }
};

let progress = null;
let chart = null;

function t(key) { return TEXT[language][key]; }

// Dates as each language writes them (31/07/2021, Jul 31, 2021), in UTC as dayNumber counts them.
const DATE_STYLE = {
  vi: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  en: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
};
const DAY = 24 * 60 * 60 * 1000;

function number(value) { return formatNumber(value, language); }

// Days since 1970-01-01: the chart's x, on a linear scale, so distances on it are proportional to time.
function dayNumber(isoDate) { return Date.parse(isoDate) / DAY; }

function dayText(day) { return new Date(day * DAY).toLocaleDateString(LOCALE[language], DATE_STYLE[language]); }

function description(target) { return language === 'vi' ? target.descriptionVi : target.descriptionEn; }

function render() {
  if (!progress) { return; }
  document.getElementById('enterprises').textContent = number(progress.approvedEnterprises);
  document.getElementById('workers').textContent = number(progress.approvedWorkers);
  document.getElementById('as-of').textContent = dayText(dayNumber(progress.asOf));
  document.querySelector('#targets tbody').replaceChildren(...progress.targets.map(target => row(
    cell(description(target)), cell(dayText(dayNumber(target.by))),
    cell((target.strictlyAbove ? '> ' : '≥ ') + number(target.workers)),
    cell(number(target.reached)), cell(t(target.state), target.state))));
  document.querySelector('#parks tbody').replaceChildren(...progress.parks.map(park => row(
    cell(park.name), cell(number(park.enterprises)), cell(number(park.workers)))));
  drawChart();
}

// Ticks on the first of each month rather than at round numbers of days.
function monthStarts(scale) {
  const start = new Date(scale.min * DAY);
  const ticks = [];
  for (let month = start.getUTCMonth() + (start.getUTCDate() > 1 ? 1 : 0); ; month++) {
    const value = Date.UTC(start.getUTCFullYear(), month, 1) / DAY;
    if (value > scale.max) { break; }
    ticks.push({ value });
  }
  scale.ticks = ticks;
}

function drawChart() {
  const labels = [...new Set([...progress.days.map(day => day.date), ...progress.targets.map(target => target.by),
    progress.asOf])].sort();
  const x = labels.map(dayNumber);
  const byDate = Object.fromEntries(progress.days.map(day => [day.date, day]));
  let running = null;
  const cumulative = labels.map(date => {
    if (byDate[date]) { running = byDate[date].cumulativeWorkers; }
    return date <= progress.asOf ? running : null;
  });
  const daily = labels.map(date => byDate[date] ? byDate[date].workers : 0);
  const targets = labels.map(date => {
    const target = progress.targets.find(candidate => candidate.by === date);
    return target ? target.workers : null;
  });
  const points = values => values.map((y, i) => ({ x: x[i], y }));
  const data = {
    datasets: [
      { type: 'line', label: t('cumulative'), data: points(cumulative), borderColor: '#1b7a3a', spanGaps: true },
      { type: 'bar', label: t('daily'), data: points(daily), backgroundColor: '#9fd3ad' },
      { type: 'line', label: t('goalLine'), data: points(targets), borderColor: '#b3261e', showLine: false,
        pointRadius: 6, pointStyle: 'triangle' }
    ]
  };
  if (chart) { chart.destroy(); }
  chart = new Chart(document.getElementById('progress-chart'), {
    data,
    options: {
      maintainAspectRatio: false, animation: false, locale: LOCALE[language],
      scales: {
        // grid.offset: the bars' default would draw the grid lines between the ticks rather than at them.
        x: { type: 'linear', bounds: 'data', grid: { offset: false }, afterBuildTicks: monthStarts,
          ticks: { callback: dayText } },
        y: { beginAtZero: true }
      },
      plugins: { tooltip: { callbacks: { title: items => dayText(items[0].parsed.x) } } }
    }
  });
  // For a test or a curious reader: what the chart shows, x in days since 1970-01-01.
  window.greenlaneChart = { labels, x, cumulative, daily, targets };
}

setUpLanguage(TEXT, render);
render();
fetch('/api/reports/progress').then(response => response.json()).then(body => { progress = body; render(); });
