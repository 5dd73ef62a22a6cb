package cn.rtms.cases.followup;

import java.util.List;
import java.util.Map;

/**
 * The follow-up points a case form defines ({@code followUps} of
 * {@code case-forms/<TECH>-<EDITION>.yaml}).
 */
interface FollowUpPoints {

	/**
	 * @param formKey the case form, e.g. {@code G08-2023}
	 * @return its points, empty for an unknown form
	 */
	List<FollowUpSchedule.Point> of(String formKey);

	/**
	 * @return the points of every case form, by form key (forms without points left out)
	 */
	Map<String, List<FollowUpSchedule.Point>> all();

}
