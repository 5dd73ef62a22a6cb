package cn.rtms.filing;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.platform.ChinesePdf;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.web.ExcelExport;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The printable filing record (PDF with Chinese text, font WenQuanYi Zen Hei from
 * Debian's {@code fonts-wqy-zenhei}) and the filing list as an Excel workbook. Both show
 * only what the current user may read.
 */
@Service
public class FilingReports {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(FilingStore.ZONE);

	private final FilingQueries filings;

	private final ChinesePdf pdf;

	private final AuditTrail audit;

	FilingReports(FilingQueries filings, AuditTrail audit, ChinesePdf pdf) {
		this.filings = filings;
		this.audit = audit;
		this.pdf = pdf;
	}

	/**
	 * @param id filing
	 * @return the printable record as PDF
	 * @throws IllegalStateException when the font is not installed (names the Debian
	 * package)
	 */
	public byte[] pdf(UUID id) {
		FilingView filing = this.filings.get(id);
		byte[] bytes = this.pdf.render(html(filing), "备案");
		this.audit.recordEvent("FILING_PRINTED", "Filing", id.toString(),
				Map.of("format", "PDF", "state", filing.state()));
		return bytes;
	}

	/**
	 * @param filter the list's filters
	 * @param sort the list's sort, or null for its default
	 * @return the visible filings the filter shows, as an .xlsx workbook
	 * @throws cn.rtms.web.ProblemException 400 {@code EXPORT_TOO_LARGE} above
	 * {@link ExcelExport#MAX_ROWS} rows
	 */
	public byte[] excel(FilingFilter filter, @Nullable String sort) {
		List<FilingView> rows = this.filings.listFull(filter, sort);
		ExcelExport.requireWithinLimit(rows.size());
		Map<String, Object> exported = new LinkedHashMap<>();
		exported.put("format", "XLSX");
		exported.put("rows", rows.size());
		exported.putAll(filter.described());
		this.audit.recordEvent("FILING_LIST_EXPORTED", "Filing", "export", exported);
		List<String> head = List.of("医疗机构", "所在行政区划", "技术编码", "技术名称", "级别", "状态", "受理机关", "当前办理机关", "首例日期", "备案期限",
				"提交日期", "首次提交日期", "逾期备案", "办理期限", "办理逾期", "自评规范", "自评结论", "许可证备注", "撤销/中止原因", "更新时间");
		List<List<Object>> data = new ArrayList<>();
		for (FilingView f : rows) {
			List<Object> row = new ArrayList<>();
			row.add(f.institutionName());
			row.add(f.institutionRegionCode());
			row.add(f.technology());
			row.add(f.technologyName());
			row.add(f.technologyLevelLabel());
			row.add(f.stateLabel());
			row.add(text(f.receivingRegionName()));
			row.add(text(f.holderRegionName()));
			row.add(text(f.firstCaseDate()));
			row.add(text(f.filingDeadline()));
			row.add(text(f.submittedOn()));
			row.add(text(f.firstSubmittedOn()));
			row.add(f.lateFiling() ? "是" : "否");
			row.add(text(f.actionDueOn()));
			row.add(f.overdue() ? "是" : "否");
			row.add(f.assessment() == null ? "" : f.assessment().specKey());
			row.add(f.assessment() == null ? "" : f.assessment().statusLabel());
			row.add(text(f.licenceNote()));
			row.add(f.ending() == null ? "" : f.ending().reasonLabel());
			row.add(f.steps().isEmpty() ? "" : TIME.format(f.steps().get(f.steps().size() - 1).at()));
			data.add(row);
		}
		return ExcelExport.write("备案", head, data);
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}

	// ------------------------------------------------------------------ PDF

	private static String html(FilingView f) {
		StringBuilder h = new StringBuilder();
		h.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><style>")
			.append("@page { size: A4; margin: 18mm 15mm; @bottom-center { content: '第 ' counter(page) ' 页，共 ' counter(pages) ' 页'; font-family: 'WenQuanYi Zen Hei'; font-size: 8pt; } }")
			.append("body { font-family: 'WenQuanYi Zen Hei'; font-size: 10pt; line-height: 1.45; }")
			.append("h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm 0; }")
			.append("h2 { font-size: 12pt; border-bottom: 1px solid #333; margin: 5mm 0 2mm 0; }")
			.append("table { width: 100%; border-collapse: collapse; table-layout: fixed; }")
			.append("td, th { border: 1px solid #999; padding: 1.5mm; vertical-align: top; word-wrap: break-word; }")
			.append("th { background: #eee; text-align: left; } .k { width: 28%; background: #f6f6f6; }")
			.append("</style></head><body>");
		h.append("<h1>限制类医疗技术临床应用备案记录</h1>");
		SectionNumbers sections = new SectionNumbers();
		h.append("<h2>" + sections.next("备案信息") + "</h2><table>");
		row(h, "医疗机构", f.institutionName() + "（" + f.institutionRegionCode() + "）");
		row(h, "限制类技术", f.technology() + " " + f.technologyName() + "（" + f.technologyLevelLabel() + "）");
		row(h, "备案状态", f.stateLabel());
		row(h, "受理机关", text(f.receivingRegionName()) + "（" + f.receivingRegionCode() + "）");
		row(h, "审查机关", text(f.reviewRegionName()) + "（" + f.reviewRegionCode() + "）");
		row(h, "当前办理机关", f.holderRegionName() == null ? "—" : f.holderRegionName());
		row(h, "首例开展日期", text(f.firstCaseDate()));
		row(h, "备案期限（首例后15个工作日）", text(f.filingDeadline()) + (f.lateFiling() ? "（逾期备案）" : ""));
		row(h, "提交日期",
				text(f.submittedOn()) + (f.firstSubmittedOn() == null || f.firstSubmittedOn().equals(f.submittedOn())
						? "" : "（首次提交 " + f.firstSubmittedOn() + "）"));
		if ("PRIOR_REGISTRATION".equals(f.origin())) {
			row(h, "备案来源", f.originLabel() + "，批准文号 " + text(f.documentNo())
					+ (f.originNote() == null ? "" : "（" + f.originNote() + "）"));
		}
		row(h, "生效日期", text(f.activatedOn()));
		row(h, "许可证副本备注", text(f.licenceNote()));
		if (f.ending() != null) {
			row(h, "中止/撤销", f.ending().reasonLabel() + "：" + f.ending().text());
		}
		h.append("</table>");
		FilingView.AssessmentView a = f.assessment();
		h.append("<h2>" + sections.next("自评结果") + "</h2>");
		if (a == null) {
			h.append("<p>尚未自评。</p>");
		}
		else {
			h.append("<p>规范版本：")
				.append(esc(a.specKey()))
				.append(" ")
				.append(esc(a.report().specTitle()))
				.append("；总体结论：")
				.append(esc(a.statusLabel()))
				.append("；评估时间：")
				.append(TIME.format(a.assessedAt()))
				.append("</p>");
			for (String notice : a.report().notices()) {
				h.append("<p>注：").append(esc(notice)).append("</p>");
			}
			h.append("<table><tr><th style=\"width:18%\">条款</th><th style=\"width:12%\">结论</th><th>说明</th></tr>");
			for (EligibilityReport.ClauseResult c : a.report().clauses()) {
				h.append("<tr><td>")
					.append(esc(c.citation()))
					.append("</td><td>")
					.append(esc(c.statusLabel()))
					.append("</td><td>")
					.append(esc(c.explanation()))
					.append("</td></tr>");
			}
			h.append("</table>");
		}
		if (!f.attestations().isEmpty()) {
			h.append("<h2>" + sections.next("人工确认条款")
					+ "</h2><table><tr><th style=\"width:22%\">条款</th><th>证据</th><th style=\"width:22%\">确认人</th></tr>");
			for (FilingView.AttestationView x : f.attestations()) {
				h.append("<tr><td>")
					.append(esc(x.citation()))
					.append("</td><td>")
					.append(esc(x.evidence()))
					.append("</td><td>")
					.append(esc(x.confirmedBy().name()))
					.append("<br/>")
					.append(TIME.format(x.confirmedAt()))
					.append("</td></tr>");
			}
			h.append("</table>");
		}
		h.append("<h2>" + sections.next("医院委员会意见") + "</h2>");
		if (f.committeeOpinions().isEmpty()) {
			h.append("<p>尚未登记。</p>");
		}
		else {
			h.append("<table><tr><th style=\"width:30%\">委员会</th><th style=\"width:16%\">会议日期</th><th>意见</th></tr>");
			for (FilingView.CommitteeOpinionView o : f.committeeOpinions()) {
				h.append("<tr><td>")
					.append(esc(o.committeeLabel()))
					.append("</td><td>")
					.append(o.meetingDate())
					.append("</td><td>")
					.append(esc(o.opinion()))
					.append("</td></tr>");
			}
			h.append("</table>");
		}
		if (!f.experts().isEmpty()) {
			h.append("<h2>" + sections.next("专家审查意见")
					+ "</h2><table><tr><th style=\"width:20%\">专家</th><th style=\"width:14%\">意见</th><th>说明</th></tr>");
			for (FilingView.ExpertView e : f.experts()) {
				h.append("<tr><td>")
					.append(esc(text(e.name())))
					.append("</td><td>")
					.append(esc(e.verdictLabel() == null ? "未提交" : e.verdictLabel()))
					.append("</td><td>")
					.append(esc(text(e.text())))
					.append("</td></tr>");
			}
			h.append("</table>");
		}
		if (f.decision() != null) {
			h.append("<p>审查决定：")
				.append(esc(f.decision().decisionLabel()))
				.append("。")
				.append(esc(f.decision().reasons()))
				.append("（")
				.append(esc(f.decision().by().name()))
				.append("，")
				.append(TIME.format(f.decision().at()))
				.append("）</p>");
		}
		h.append("<h2>" + sections.next("办理过程")
				+ "</h2><table><tr><th style=\"width:18%\">时间</th><th style=\"width:16%\">环节</th><th style=\"width:24%\">办理人</th><th>意见</th></tr>");
		for (FilingView.StepView s : f.steps()) {
			h.append("<tr><td>")
				.append(TIME.format(s.at()))
				.append("</td><td>")
				.append(esc(s.actionLabel()))
				.append("</td><td>")
				.append(esc(s.actor().name()))
				.append("（")
				.append(esc(s.actor().roleLabel()))
				.append("）</td><td>")
				.append(esc(text(s.opinion())))
				.append("</td></tr>");
		}
		h.append("</table>");
		if (!f.documents().isEmpty()) {
			h.append("<h2>七、附件</h2><table><tr><th>文件</th><th style=\"width:45%\">SHA-256</th></tr>");
			for (FilingView.DocumentView d : f.documents()) {
				h.append("<tr><td>")
					.append(esc(d.fileName()))
					.append("<br/>")
					.append(esc(text(d.description())))
					.append("</td><td style=\"font-size:7pt\">")
					.append(d.sha256())
					.append("</td></tr>");
			}
			h.append("</table>");
		}
		h.append("</body></html>");
		return h.toString();
	}

	private static void row(StringBuilder h, String key, String value) {
		h.append("<tr><td class=\"k\">").append(esc(key)).append("</td><td>").append(esc(value)).append("</td></tr>");
	}

	private static String esc(@Nullable String s) {
		if (s == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (c >= 0x20 || c == '\n' || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	/**
	 * Numbers the record's sections 一、二、三… in the order they are printed, whichever are
	 * present.
	 */
	private static final class SectionNumbers {

		private static final String DIGITS = "一二三四五六七八九十";

		private int next;

		String next(String title) {
			return DIGITS.charAt(this.next++) + "、" + title;
		}

	}

}
