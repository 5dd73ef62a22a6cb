package cn.rtms.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the Vue single-page application for its client-side routes (anything not under /api and not a file). */
@Controller
class SpaController {

	@GetMapping({ "/", "/{path:^(?!api$)[^.]*}", "/{path:^(?!api$)[^.]*}/**" })
	String index() {
		return "forward:/index.html";
	}

}
