package cn.rtms.web.browser;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared browser of the browser tests ({@link BrowserTestSupport}): a context holds
 * only the pages it opens — no address-bar drop-down built behind it (the cost
 * {@link BrowserTestSupport#DISABLED_FEATURES} removes; a chromium update that renames
 * the feature shows here) — and a second class finds the same browser connected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSetupBrowserIT extends BrowserTestSupport {

	@LocalServerPort
	int port;

	@Test
	void aContextBuildsNoBrowserInterfacePages() {
		try (BrowserContext context = browser.newContext()) {
			Page page = watchCsp(context.newPage());
			page.navigate("http://127.0.0.1:" + this.port + "/login");
			List<String> targets = new ArrayList<>();
			CDPSession session = browser.newBrowserCDPSession();
			JsonObject answer = session.send("Target.getTargets");
			for (JsonElement target : answer.getAsJsonArray("targetInfos")) {
				JsonObject info = target.getAsJsonObject();
				targets.add(info.get("type").getAsString() + " " + info.get("url").getAsString());
			}
			session.detach();
			assertThat(targets).as("chromium 的目标")
				.anyMatch(t -> t.equals("page http://127.0.0.1:" + this.port + "/login"));
			assertThat(targets).as("不应为每个浏览器上下文构建地址栏下拉（WebUI）")
				.noneMatch(t -> t.startsWith("browser_ui") || t.contains("omnibox"));
		}
	}

	@Test
	void theBrowserStaysForTheNextClassAndLeftContextsAreClosed() {
		Browser before = browser;
		browser.newContext();
		closeContextsLeftOpen();
		assertThat(browser.contexts()).isEmpty();
		launchBrowser();
		assertThat(browser).isSameAs(before);
		assertThat(browser.isConnected()).isTrue();
	}

}
