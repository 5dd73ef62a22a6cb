package cn.rtms.rules.engine.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one spec file.
 */
final class Problems {

	private final String file;

	private final List<SpecProblem> list = new ArrayList<>();

	Problems(String file) {
		this.file = file;
	}

	void add(String path, String message) {
		this.list.add(new SpecProblem(this.file, path, message));
	}

	boolean isEmpty() {
		return this.list.isEmpty();
	}

	List<SpecProblem> list() {
		return this.list;
	}

	String file() {
		return this.file;
	}

}
