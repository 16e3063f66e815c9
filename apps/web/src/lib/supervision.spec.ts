import { onTimeChart, percent, stageChart, unitChart } from './supervision';

describe('stageChart', () => {
  it('puts the stages in their own order, one series per status, the figures unchanged and 0 where none', () => {
    const chart = stageChart({
      casesByStage: [
        { stage: 'execution', status: 'initiated', cases: 2 },
        { stage: 'initiation', status: 'pending_approval', cases: 3 },
        { stage: 'initiation', status: 'initiated', cases: 5 },
      ],
    });
    expect(chart.stages).toEqual(['initiation', 'execution']);
    expect(chart.stageLabels).toEqual(['程序启动', '执行']);
    expect(chart.series).toEqual([
      { status: 'initiated', label: '已启动', cases: [5, 2] },
      { status: 'pending_approval', label: '待审批', cases: [3, 0] },
    ]);
  });

  it('draws nothing for an agency without cases', () => {
    expect(stageChart({ casesByStage: [] })).toEqual({ stages: [], stageLabels: [], series: [] });
  });
});

describe('onTimeChart', () => {
  it('gives each kind its rate per month in per cent, the months sorted and a gap where nothing was done', () => {
    const chart = onTimeChart({
      onTime: [
        { kind: 'legal_review', kindLabel: '法制审核', month: '2026-03', done: 3, onTime: 2, rate: 2 / 3 },
        { kind: 'chief_approval', kindLabel: '负责人审批', month: '2026-02', done: 4, onTime: 4, rate: 1 },
        { kind: 'chief_approval', kindLabel: '负责人审批', month: '2026-03', done: 0, onTime: 0, rate: null },
      ],
    });
    expect(chart.months).toEqual(['2026-02', '2026-03']);
    expect(chart.series).toEqual([
      { kind: 'legal_review', label: '法制审核', percent: [null, 66.7] },
      { kind: 'chief_approval', label: '负责人审批', percent: [100, null] },
    ]);
  });

  it('rounds to one decimal', () => {
    expect([percent(0), percent(0.12345), percent(1), percent(null)]).toEqual([0, 12.3, 100, null]);
  });
});

describe('unitChart', () => {
  it('keeps the API’s units and figures in its order, naming the cases without a handling officer', () => {
    expect(
      unitChart({
        overdueByUnit: [
          { unit: '第一执法科', overdue: 4 },
          { unit: null, overdue: 1 },
        ],
      }),
    ).toEqual({ units: ['第一执法科', '未分配承办人'], overdue: [4, 1] });
  });
});
