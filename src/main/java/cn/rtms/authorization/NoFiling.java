package cn.rtms.authorization;

import java.util.List;

import cn.rtms.filing.CurrentFiling;
import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The institution has no filing of the technology that is self-assessed or later and
 * neither rejected, revoked nor suspended, so it may not authorize physicians for it. 422
 * {@code NO_FILING} with properties {@code technology} and, when the institution has a
 * filing of it, {@code filingId}, {@code filingState} and {@code filingStateLabel}.
 */
public class NoFiling extends ProblemException {

	/**
	 * @param technology technology code
	 * @param technologyName its name
	 * @param filing the institution's current filing of it, or null when there is none
	 */
	public NoFiling(String technology, String technologyName, @Nullable CurrentFiling filing) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "NO_FILING", "本机构无相应备案", detail(technology, technologyName, filing),
				List.of());
		getBody().setProperty("technology", technology);
		if (filing != null) {
			getBody().setProperty("filingId", filing.filingId().toString());
			getBody().setProperty("filingState", filing.state());
			getBody().setProperty("filingStateLabel", filing.stateLabel());
		}
	}

	private static String detail(String technology, String technologyName, @Nullable CurrentFiling filing) {
		String subject = technology + " " + technologyName;
		if (filing == null) {
			return "本机构尚无 " + subject + " 的备案，不能授权医师开展该技术；请先完成该技术的备案自评";
		}
		if ("DRAFT".equals(filing.state())) {
			return "本机构 " + subject + " 的备案尚为“" + filing.stateLabel() + "”，不能授权医师开展该技术；请先完成该技术的备案自评";
		}
		return "本机构 " + subject + " 的备案当前为“" + filing.stateLabel() + "”，不能授权医师开展该技术（须有已自评、办理中或有效的备案）";
	}

}
