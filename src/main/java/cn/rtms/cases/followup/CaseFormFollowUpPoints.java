package cn.rtms.cases.followup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.cases.CaseForm;
import cn.rtms.cases.CaseForms;
import cn.rtms.cases.UnknownCaseForm;

import org.springframework.stereotype.Component;

/** The follow-up points of the case-form definitions ({@link CaseForms}). */
@Component
class CaseFormFollowUpPoints implements FollowUpPoints {

	private final CaseForms forms;

	CaseFormFollowUpPoints(CaseForms forms) {
		this.forms = forms;
	}

	@Override
	public List<FollowUpSchedule.Point> of(String formKey) {
		try {
			return this.forms.get(formKey)
				.followUps()
				.stream()
				.map(p -> new FollowUpSchedule.Point(p.period(), p.label()))
				.toList();
		}
		catch (UnknownCaseForm ex) {
			return List.of();
		}
	}

	@Override
	public Map<String, List<FollowUpSchedule.Point>> all() {
		Map<String, List<FollowUpSchedule.Point>> all = new LinkedHashMap<>();
		for (CaseForm form : this.forms.all()) {
			List<FollowUpSchedule.Point> points = of(form.key());
			if (!points.isEmpty()) {
				all.put(form.key(), points);
			}
		}
		return all;
	}

}
