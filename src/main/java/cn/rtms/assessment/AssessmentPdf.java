package cn.rtms.assessment;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import cn.rtms.assessment.AssessmentReport.CaseFigure;
import cn.rtms.assessment.AssessmentReport.CaseRef;
import cn.rtms.assessment.AssessmentReport.IndicatorFigure;
import cn.rtms.assessment.AssessmentReport.Section;
import cn.rtms.audit.AuditTrail;
import cn.rtms.platform.ChinesePdf;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * A saved capability assessment as a PDF with Chinese text (WenQuanYi Zen Hei from
 * Debian's {@code fonts-wqy-zenhei}, loaded as FilingReports does), printed from the
 * stored snapshot only: the PDF of a signed assessment is the same however many cases are
 * added later.
 */
@Service
public class AssessmentPdf {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private static final String DIGITS = "一二三四五六七八九十";

	private final AssessmentManagement assessments;

	private final AuditTrail audit;

	private final ChinesePdf pdf;

	AssessmentPdf(AssessmentManagement assessments, AuditTrail audit, ChinesePdf pdf) {
		this.assessments = assessments;
		this.audit = audit;
		this.pdf = pdf;
	}

	/**
	 * @param id a saved assessment the current user may read
	 * @return it as PDF; audited as {@code ASSESSMENT_PRINTED}
	 * @throws AssessmentNotFound when there is none
	 * @throws IllegalStateException when the font is not installed (names the Debian
	 * package)
	 */
	public byte[] pdf(UUID id) {
		Assessment a = this.assessments.get(id);
		byte[] bytes = this.pdf.render(html(a), "能力评估");
		this.audit.recordEvent("ASSESSMENT_PRINTED", "Assessment", id.toString(), Map.of("format", "PDF"));
		return bytes;
	}

	static String html(Assessment a) {
		AssessmentReport r = a.report();
		StringBuilder h = new StringBuilder();
		h.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><style>")
			.append("@page { size: A4; margin: 16mm 14mm; @bottom-center { content: '第 ' counter(page) ' 页，共 ' counter(pages) ' 页'; font-family: 'WenQuanYi Zen Hei'; font-size: 8pt; } }")
			.append("body { font-family: 'WenQuanYi Zen Hei'; font-size: 9.5pt; line-height: 1.4; }")
			.append("h1 { font-size: 15pt; text-align: center; margin: 0 0 4mm 0; }")
			.append("h2 { font-size: 11.5pt; border-bottom: 1px solid #333; margin: 5mm 0 2mm 0; }")
			.append("h3 { font-size: 10pt; margin: 3mm 0 1mm 0; }")
			.append("table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 2mm; }")
			.append("td, th { border: 1px solid #999; padding: 1.2mm; vertical-align: top; word-wrap: break-word; }")
			.append("th { background: #eee; text-align: left; } .k { width: 24%; background: #f6f6f6; } tr { page-break-inside: avoid; }")
			.append(".fail { color: #b00; font-weight: bold; } .small { font-size: 8pt; color: #444; }")
			.append("</style></head><body>");
		h.append("<h1>")
			.append(esc(r.technologyName()))
			.append("临床应用能力评估表（")
			.append(esc(r.subjectKindLabel()))
			.append("）</h1>");
		int n = 0;
		h.append("<h2>").append(numeral(++n)).append("、基本信息</h2><table>");
		row(h, "医疗机构", r.institutionName() + "（" + r.institutionRegionCode() + "）");
		if (r.physicianName() != null) {
			row(h, "被评估医师", r.physicianName());
		}
		row(h, "限制类技术", r.technology() + " " + r.technologyName());
		row(h, "评估期", r.from() + " 至 " + r.to());
		row(h, "评估期内病例", r.cases() + " 例次");
		row(h, "备案", r.filingStateLabel() == null ? "无备案记录" : r.filingStateLabel());
		row(h, "质控指标集", r.indicatorSetTitle() == null ? "无" : r.indicatorSet() + " " + r.indicatorSetTitle());
		row(h, "数据计算日期", r.asOf().toString());
		h.append("</table>");
		for (Section s : r.sections()) {
			h.append("<h2>").append(numeral(++n)).append("、").append(esc(s.title())).append("</h2>");
			if (!s.indicators().isEmpty()) {
				h.append("<table><tr><th style=\"width:27%\">质控指标</th><th style=\"width:11%\">分子</th>")
					.append("<th style=\"width:11%\">分母</th><th style=\"width:12%\">本评估</th>")
					.append("<th style=\"width:13%\">要求</th><th style=\"width:10%\">结果</th>")
					.append("<th style=\"width:16%\">")
					.append(esc(r.comparisonRegionName() == null ? "地区" : r.comparisonRegionName()))
					.append("</th></tr>");
				for (IndicatorFigure f : s.indicators()) {
					h.append("<tr><td>")
						.append(esc(f.name()))
						.append(f.stratum() == null ? "" : "（" + esc(f.stratum()) + "）")
						.append("</td><td>")
						.append(f.numerator().stripTrailingZeros().toPlainString())
						.append("</td><td>")
						.append(f.denominator().stripTrailingZeros().toPlainString())
						.append("</td><td>")
						.append(esc(f.valueText()))
						.append("</td><td>")
						.append(esc(f.threshold() == null ? "—" : f.threshold()))
						.append("</td><td")
						.append(Boolean.FALSE.equals(f.meetsThreshold()) ? " class=\"fail\"" : "")
						.append(">")
						.append(esc(f.resultLabel()))
						.append("</td><td>")
						.append(esc(f.regionValueText()))
						.append("</td></tr>");
				}
				h.append("</table>");
			}
			if (!s.figures().isEmpty()) {
				h.append("<table><tr><th>病例数据</th><th style=\"width:34%\">数量</th></tr>");
				for (CaseFigure f : s.figures()) {
					h.append("<tr><td>")
						.append(esc(f.label()))
						.append("</td><td>")
						.append(esc(f.text()))
						.append("</td></tr>");
				}
				h.append("</table>");
			}
			if (!s.cases().isEmpty()) {
				h.append("<table class=\"small\"><tr><th style=\"width:20%\">病案号</th><th style=\"width:16%\">患者代号</th>")
					.append("<th style=\"width:15%\">手术日期</th><th>说明</th></tr>");
				for (CaseRef c : s.cases()) {
					h.append("<tr><td>")
						.append(esc(c.medicalRecordNo()))
						.append("</td><td>")
						.append(esc(c.patientPseudonym()))
						.append("</td><td>")
						.append(c.operationDate())
						.append("</td><td>")
						.append(esc(c.note()))
						.append("</td></tr>");
				}
				h.append("</table>");
				if (s.moreCases() > 0) {
					h.append("<p class=\"small\">另有 ").append(s.moreCases()).append(" 例未列出。</p>");
				}
			}
		}
		h.append("<h2>").append(numeral(++n)).append("、医疗机构评估结论</h2><table>");
		row(h, "评估结论", a.conclusionLabel());
		row(h, "结论说明", a.conclusionText());
		h.append("</table>");
		h.append("<h2>").append(numeral(++n)).append("、签字</h2><table>");
		row(h, "评估人", a.assessor());
		row(h, "科室负责人", a.departmentHead());
		row(h, "医务科负责人", a.medicalAffairsHead());
		row(h, "签字日期", a.signedOn().toString());
		row(h, "系统提交", a.submittedByName() + "，" + TIME.format(a.submittedAt()));
		h.append("</table>");
		if (!r.notes().isEmpty()) {
			h.append("<h3>说明</h3>");
			for (String note : r.notes()) {
				h.append("<p class=\"small\">").append(esc(note)).append("</p>");
			}
		}
		h.append("</body></html>");
		return h.toString();
	}

	/**
	 * @param n 1–99
	 * @return the Chinese numeral: 一 … 十, 十一 …
	 */
	static String numeral(int n) {
		if (n <= 10) {
			return String.valueOf(DIGITS.charAt(n - 1));
		}
		String tens = n < 20 ? "十" : DIGITS.charAt(n / 10 - 1) + "十";
		return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10 - 1);
	}

	private static void row(StringBuilder h, String key, @Nullable String value) {
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
				case '\n' -> out.append("<br/>");
				default -> {
					if (c >= 0x20 || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
