package cn.rtms.web.browser;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.rtms.support.Api;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One headless Debian chromium per test JVM, driven by Playwright without downloading a
 * browser (failsafe sets {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1};
 * {@code scripts/ensure-browser} installs chromium). The flags keep chromium quiet on a
 * closed network. Pages opened through {@link #watchCsp(Page)} must not report any
 * Content-Security-Policy violation (the platform sends {@code script-src 'self'}).
 */
abstract class BrowserTestSupport {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	/**
	 * Playwright's wait per step: generous, because on a loaded 2-core CI machine the
	 * institution page alone takes several seconds to render. It applies to Playwright's
	 * web-first assertions too (their own default is 5 s, which CI exceeded).
	 */
	static final double TIMEOUT_MS = 30_000;

	static Playwright playwright;

	static Browser browser;

	/** What chromium reported as blocked by the Content-Security-Policy. */
	final List<String> cspViolations = new CopyOnWriteArrayList<>();

	/**
	 * Records the page's Content-Security-Policy violations, which fail the test.
	 * @return the page
	 */
	Page watchCsp(Page page) {
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				this.cspViolations.add(page.url() + ": " + message.text());
			}
		});
		return page;
	}

	@AfterEach
	void noContentSecurityPolicyViolations() {
		org.assertj.core.api.Assertions.assertThat(this.cspViolations)
			.as("Content-Security-Policy violations")
			.isEmpty();
	}

	/**
	 * The JVM's one chromium, launched for the first browser test class and kept for the
	 * others (each launch of Playwright's driver and chromium cost ~2.4 s and ~4 s of CPU
	 * here, 2026-12-01, for each of 23 classes); launched again if it went away. Closed
	 * when the test JVM exits. Test classes stay apart: each works in its own contexts,
	 * and whatever contexts a class leaves open are closed after it
	 * ({@link #closeContextsLeftOpen()}).
	 */
	@BeforeAll
	static synchronized void launchBrowser() {
		PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
		if (browser != null && browser.isConnected()) {
			return;
		}
		if (playwright != null) {
			playwright.close();
		}
		else {
			Runtime.getRuntime().addShutdownHook(new Thread(BrowserTestSupport::closeBrowser, "close-chromium"));
		}
		playwright = Playwright.create();
		browser = withoutAnimations(playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", DISABLED_FEATURES))));
	}

	/**
	 * Chromium 156 builds the address bar's drop-down (two WebUI pages in a renderer of
	 * their own) for every window, so for every browser context, though headless shows no
	 * address bar: ~2 s of CPU per context here, a third of what a login cost
	 * (2026-12-01: six logins and two pages each, 54.7 s of CPU with it, 36.8 s without).
	 * Chromium honours only the last {@code --disable-features}, so this one repeats the
	 * features Playwright (1.62) disables itself.
	 */
	static final String DISABLED_FEATURES = "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,"
			+ "WebUIOmniboxFullPopup,AvoidUnnecessaryBeforeUnloadCheckSync,BoundaryEventDispatchTracksNodeRemoval,"
			+ "DestroyProfileOnBrowserClose,DialMediaRouteProvider,GlobalMediaControls,HttpsUpgrades,LensOverlay,"
			+ "MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,BlockOriginHeaderModificationOnRedirect,"
			+ "Translate,AutoDeElevate,OptimizationHints";

	/**
	 * Every page of the browser's contexts gets CSS transitions and animations of zero
	 * duration (Element Plus fades dialogs, drop-downs and messages in and out): the
	 * tests test what is shown, not how it fades, and Playwright otherwise waits for each
	 * element to stop moving, on a CI machine whose two cores chromium shares with two
	 * test JVMs and PostgreSQL. Inline styles are allowed by the platform's CSP, so no
	 * violation is reported.
	 */
	static Browser withoutAnimations(Browser launched) {
		return (Browser) Proxy.newProxyInstance(Browser.class.getClassLoader(), new Class<?>[] { Browser.class },
				(proxy, method, args) -> {
					Object result;
					try {
						result = method.invoke(launched, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					if (result instanceof BrowserContext context) {
						context.addInitScript(NO_ANIMATIONS);
					}
					else if (result instanceof Page page) {
						page.addInitScript(NO_ANIMATIONS);
					}
					return result;
				});
	}

	static final String NO_ANIMATIONS = """
			(() => {
			  const add = () => {
			    const style = document.createElement('style');
			    style.textContent = '*, *::before, *::after { transition-duration: 0s !important;'
			      + ' transition-delay: 0s !important; animation-duration: 0s !important;'
			      + ' animation-delay: 0s !important; }';
			    document.head.appendChild(style);
			  };
			  if (document.head) add(); else document.addEventListener('DOMContentLoaded', add);
			})();""";

	/**
	 * @return "today" as the server under test sees it (its clock is pinned by the
	 * suite), never the test machine's date
	 */
	static LocalDate serverToday(int port) {
		Api.Response response = new Api(port).get("/api/public/clock");
		if (response.status() != 200) {
			throw new IllegalStateException("GET /api/public/clock: " + response.status() + " " + response.text());
		}
		return LocalDate.parse(response.body().get("today").asString());
	}

	/**
	 * Closes the contexts the test class left open; the browser stays for the next class.
	 */
	@AfterAll
	static synchronized void closeContextsLeftOpen() {
		if (browser != null && browser.isConnected()) {
			for (BrowserContext context : List.copyOf(browser.contexts())) {
				context.close();
			}
		}
	}

	private static synchronized void closeBrowser() {
		try {
			if (browser != null) {
				browser.close();
			}
			if (playwright != null) {
				playwright.close();
			}
		}
		catch (RuntimeException ex) {
			// the JVM is exiting; the driver's end of the pipe closes with it
		}
		browser = null;
		playwright = null;
	}

}
