import { describe, expect, it } from 'vitest'
import { fileProblem, problemPlace, summary, type BulkReport } from './bulkLoad'

const report: BulkReport = {
  kind: 'INSTITUTIONS',
  fileName: 'a.xlsx',
  status: 'REJECTED',
  rows: { 机构: 3, 科室床位: 2 },
  created: 0,
  updated: 0,
  unchanged: 0,
  problemCount: 2,
  problems: [],
}

describe('bulk load', () => {
  it('names sheet, row and column of a problem', () => {
    expect(
      problemPlace({ sheet: '机构', row: 5, column: 'C', header: '所在行政区划代码', message: '未知' }),
    ).toBe('机构 第 5 行 C 列（所在行政区划代码）')
    expect(problemPlace({ sheet: '机构', row: 1, column: '', header: '', message: '缺少工作表' })).toBe(
      '机构 第 1 行',
    )
  })

  it('says that a rejected import saved nothing and what a check would do', () => {
    expect(summary(report)).toBe('发现 2 处问题，未保存任何数据（机构 3 行，科室床位 2 行）')
    expect(summary({ ...report, status: 'VALID', problemCount: 0, created: 2, unchanged: 1 })).toContain(
      '将新建 2 条、更新 0 条，1 条不变',
    )
  })

  it('accepts only .xlsx files', () => {
    expect(fileProblem(null)).toBe('请选择要导入的 .xlsx 文件')
    expect(fileProblem(new File(['x'], 'a.csv'))).toBe('只接受按模板填写的 .xlsx 工作簿')
    expect(fileProblem(new File(['x'], '机构.XLSX'))).toBeNull()
  })
})
