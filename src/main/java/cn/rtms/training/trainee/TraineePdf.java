package cn.rtms.training.trainee;

import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.platform.ChinesePdf;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.training.trainee.TraineeModel.CaseEntry;
import cn.rtms.training.trainee.TraineeModel.Conclusion;
import cn.rtms.training.trainee.TraineeModel.ExamEntry;
import cn.rtms.training.trainee.TraineeModel.FileView;
import cn.rtms.training.trainee.TraineeModel.Verdict;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The training certificate (培训合格证明) and the whole training file as PDF with Chinese text,
 * rendered by {@link ChinesePdf} (the one renderer). The export format of the file is PDF
 * (docs/training.md). Each print is audited.
 */
@Service
public class TraineePdf {

	private final TraineeFiles files;

	private final CatalogManagement catalog;

	private final ChinesePdf pdf;

	private final AuditTrail audit;

	TraineePdf(TraineeFiles files, CatalogManagement catalog, ChinesePdf pdf, AuditTrail audit) {
		this.files = files;
		this.catalog = catalog;
		this.pdf = pdf;
		this.audit = audit;
	}

	/**
	 * @param id a file concluded 合格 that the current user may read
	 * @return the certificate; audited as {@code TRAINEE_CERTIFICATE_PRINTED}
	 */
	public byte[] certificate(UUID id) {
		FileView file = this.files.get(id);
		if (file.conclusion() != Conclusion.PASSED) {
			throw TraineeProblem.unprocessable("TRAINEE_NOT_PASSED", "尚未考核合格", "该学员尚未考核合格，不能出具培训合格证明");
		}
		String technology = technologyName(file.technology());
		StringBuilder h = head("培训合格证明");
		h.append("<div class=\"cert\"><h1>限制类技术临床应用培训合格证明</h1>")
			.append("<p class=\"no\">证明编号：")
			.append(esc(file.technology() + "-" + file.id().toString().substring(0, 8).toUpperCase()))
			.append("</p><p class=\"body\">兹证明 <b>")
			.append(esc(file.personName()))
			.append("</b>（")
			.append(esc(file.personInstitutionName()))
			.append("）于 ")
			.append(file.startedOn())
			.append(" 至 ")
			.append(file.endedOn())
			.append(" 在 ")
			.append(esc(file.baseName()))
			.append(" ")
			.append(esc(technology))
			.append("培训基地接受系统培训，完成理论学习 ")
			.append(file.theoryHours())
			.append(" 学时，参与完成病例 ")
			.append(file.tally().participated())
			.append(" 例（其中在指导下独立完成 ")
			.append(file.tally().independent())
			.append(" 例），全过程管理患者 ")
			.append(file.tally().fullCourse())
			.append(" 例，经考核合格。</p><p class=\"sign\">")
			.append(esc(file.baseName()))
			.append("<br/>")
			.append(file.concludedOn())
			.append("</p></div></body></html>");
		byte[] bytes = this.pdf.render(h.toString(), "培训合格证明");
		this.audit.recordEvent("TRAINEE_CERTIFICATE_PRINTED", "TraineeFile", id.toString(), Map.of("format", "PDF"));
		return bytes;
	}

	/**
	 * @param id a file the current user may read
	 * @return the whole file (period, case log, exams, conclusion, the engine's verdict);
	 * audited as {@code TRAINEE_FILE_EXPORTED}
	 */
	public byte[] export(UUID id) {
		FileView file = this.files.get(id);
		Verdict verdict = this.files.verdict(id);
		StringBuilder h = head("学员培训档案");
		h.append("<h1>").append(esc(technologyName(file.technology()))).append("学员培训档案</h1><h2>一、基本信息</h2><table>");
		row(h, "学员", file.personName() + "（" + nullToDash(file.personInstitutionName()) + "）");
		row(h, "培训基地", nullToDash(file.baseName()) + "（" + file.technology() + "）");
		row(h, "报名日期", String.valueOf(file.enrolledOn()));
		row(h, "培训期", file.startedOn() + " 至 " + file.endedOn());
		row(h, "理论学时", file.theoryHours() + " 学时");
		row(h, "考核结论", file.conclusionLabel() + (file.concludedOn() != null ? "（" + file.concludedOn() + "）" : "")
				+ (file.conclusionNote() != null ? "：" + file.conclusionNote() : ""));
		h.append("</table><h2>二、病例记录（参与完成 ")
			.append(file.tally().participated())
			.append(" 例，在指导下独立完成 ")
			.append(file.tally().independent())
			.append(" 例，全过程管理 ")
			.append(file.tally().fullCourse())
			.append(" 例）</h2><table><tr><th>日期</th><th>角色</th><th>指导医师</th><th>病例编号</th><th>备注</th></tr>");
		for (CaseEntry c : file.cases()) {
			h.append("<tr><td>")
				.append(c.performedOn())
				.append("</td><td>")
				.append(esc(c.roleLabel()))
				.append("</td><td>")
				.append(esc(c.instructorName()))
				.append("</td><td>")
				.append(c.caseId() == null ? "" : esc(c.caseId().toString().substring(0, 8)))
				.append("</td><td>")
				.append(esc(c.note()))
				.append("</td></tr>");
		}
		h.append("</table><h2>三、考核</h2><table><tr><th>日期</th><th>类型</th><th>成绩</th><th>结果</th></tr>");
		for (ExamEntry e : file.exams()) {
			h.append("<tr><td>")
				.append(e.takenOn())
				.append("</td><td>")
				.append(esc(e.kindLabel()))
				.append("</td><td>")
				.append(e.score())
				.append("</td><td>")
				.append(e.passed() ? "合格" : "不合格")
				.append("</td></tr>");
		}
		h.append("</table><h2>四、完成情况评估（")
			.append(esc(verdict.specKey()))
			.append("，评估日 ")
			.append(verdict.asOf())
			.append("：")
			.append(esc(verdict.statusLabel()))
			.append("）</h2><table><tr><th style=\"width:14%\">条款</th><th style=\"width:12%\">结论</th><th>说明</th></tr>");
		for (EligibilityReport.ClauseResult c : verdict.prerequisites()) {
			clause(h, c);
		}
		for (EligibilityReport.ClauseResult c : verdict.training()) {
			clause(h, c);
		}
		h.append("</table>");
		if (verdict.notice() != null) {
			h.append("<p>").append(esc(verdict.notice())).append("</p>");
		}
		h.append("</body></html>");
		byte[] bytes = this.pdf.render(h.toString(), "学员培训档案");
		this.audit.recordEvent("TRAINEE_FILE_EXPORTED", "TraineeFile", id.toString(), Map.of("format", "PDF"));
		return bytes;
	}

	private String technologyName(String code) {
		try {
			return this.catalog.get(code).name();
		}
		catch (RuntimeException ex) {
			return code;
		}
	}

	private static StringBuilder head(String title) {
		return new StringBuilder().append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>")
			.append(title)
			.append("</title><style>")
			.append("@page { size: A4; margin: 16mm 14mm; }")
			.append("body { font-family: '" + ChinesePdf.FONT_FAMILY + "'; font-size: 10pt; line-height: 1.5; }")
			.append("h1 { font-size: 16pt; text-align: center; } h2 { font-size: 12pt; border-bottom: 1px solid #333; }")
			.append("table { width: 100%; border-collapse: collapse; table-layout: fixed; }")
			.append("td, th { border: 1px solid #999; padding: 1.2mm; vertical-align: top; word-wrap: break-word; }")
			.append("th { background: #eee; text-align: left; } .k { width: 22%; background: #f6f6f6; }")
			.append(".cert { border: 3px double #8a6d3b; padding: 12mm; margin-top: 20mm; }")
			.append(".cert .body { font-size: 13pt; text-indent: 2em; line-height: 2; } .no { text-align: right; }")
			.append(".sign { text-align: right; margin-top: 18mm; font-size: 12pt; }")
			.append("</style></head><body>");
	}

	private static void row(StringBuilder h, String key, String value) {
		h.append("<tr><td class=\"k\">").append(esc(key)).append("</td><td>").append(esc(value)).append("</td></tr>");
	}

	private static void clause(StringBuilder h, EligibilityReport.ClauseResult c) {
		h.append("<tr><td>")
			.append(esc(c.citation()))
			.append("</td><td>")
			.append(esc(c.statusLabel()))
			.append("</td><td>")
			.append(esc(c.explanation()))
			.append("</td></tr>");
	}

	private static String nullToDash(@Nullable String s) {
		return s == null ? "—" : s;
	}

	static String esc(@Nullable String s) {
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
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
