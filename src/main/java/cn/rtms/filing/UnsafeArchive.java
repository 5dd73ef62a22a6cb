package cn.rtms.filing;

import java.util.List;

import cn.rtms.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A DOCX or XLSX upload whose ZIP container holds too many entries or inflates beyond the
 * limits of {@code UploadPolicy} (a "zip bomb"). 400 {@code UNSAFE_ARCHIVE}.
 */
public class UnsafeArchive extends ProblemException {

	/**
	 * @param reason Chinese explanation of the limit passed
	 */
	public UnsafeArchive(String reason) {
		super(HttpStatus.BAD_REQUEST, "UNSAFE_ARCHIVE", "压缩文件超出安全限制", "上传的 Office 文件" + reason + "，已拒绝；本次操作未生效",
				List.of());
	}

}
