package io.genreflow.local.dashboard;

import io.genreflow.local.TemporaryDataDir;
import io.genreflow.fixtures.GeneratedAudio;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver): files chosen
 * on the upload page go to S3 with a progress bar each, the tracks table follows them to the end
 * without a reload, the track page shows verdict, bars, timeline and a player that loads the
 * upload, a broken file shows its reason, and names and tags built to inject script stay text.
 * Screenshots go to target/screenshots.
 */
@QuarkusTest
@TestProfile(BrowserTest.OwnBucket.class)
@WithTestResource(TemporaryDataDir.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** Its own stack, so the table holds only this test's tracks. */
    public static final class OwnBucket implements QuarkusTestProfile {
    }

    private WebDriver browser;
    private Path files;

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--window-size=1280,1000", "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        files = Files.createTempDirectory("genreflow-browser");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void uploadWatchAndReadVerdictsInTheBrowser() throws IOException {
        Path good = write(DashboardTest.XSS_NAME, TaggedAudio.wav(9, 21, DashboardTest.XSS_TITLE,
                DashboardTest.XSS_ARTIST));
        Path plain = write("Evening Raga.wav", changingCharacter());
        byte[] wav = GeneratedAudio.musicWav(6, 23);
        Path broken = write("cut short.wav", Arrays.copyOf(wav, 40));
        Path text = write("notes.txt", "not audio".getBytes());

        browser.get(url("/upload"));
        WebElement input = browser.findElement(By.id("files"));
        input.sendKeys(String.join("\n", good.toString(), plain.toString(), broken.toString(), text.toString()));
        waitUntil(() -> states().size() == 4 && states().stream().noneMatch(s -> s.isEmpty() || s.equals("sending")),
                "every upload to finish or be refused");
        List<WebElement> items = browser.findElements(By.cssSelector("#uploads li"));
        assertEquals(List.of("done", "done", "done", "refused"), states(), texts(items));
        assertTrue(items.get(3).getText().contains("not a supported audio file"), items.get(3).getText());
        assertEquals("100", items.get(0).findElement(By.tagName("progress")).getDomProperty("value"));
        screenshot("upload");

        browser.get(url("/"));
        waitUntil(() -> browser.findElements(By.cssSelector("#tracks tbody tr")).size() == 3
                        && browser.findElements(By.cssSelector("#tracks .status-classifying, #tracks .status-splitting"))
                        .isEmpty() && browser.findElement(By.id("tracks")).getDomAttribute("data-refreshed") != null,
                "the table to show every track finished, refreshed by its script");
        assertNoAlert();
        String table = browser.findElement(By.id("tracks")).getText();
        assertTrue(table.contains(DashboardTest.XSS_TITLE), table);
        assertTrue(table.contains(DashboardTest.XSS_ARTIST), table);
        assertTrue(table.contains("cut short.wav") && table.contains("failed"), table);
        assertEquals(0, browser.findElements(By.cssSelector("#tracks img, #tracks script")).size(),
                "markup from a file name or tag became elements");
        screenshot("tracks");

        browser.findElement(By.linkText(DashboardTest.XSS_TITLE)).click();
        waitUntil(() -> !browser.findElements(By.id("verdict")).isEmpty(), "the track page");
        assertNoAlert();
        assertTrue(browser.findElement(By.id("verdict")).getText().startsWith("Verdict: "));
        assertTrue(browser.findElements(By.cssSelector("svg.bars rect")).size() >= 1);
        assertTrue(browser.findElements(By.cssSelector("svg.timeline rect")).size() >= 7, "a 9-s track has 7 snippets");
        assertEquals(DashboardTest.XSS_TITLE, browser.findElement(By.tagName("h1")).getText());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("var a = document.querySelector('audio'); a.preload = 'auto'; a.load();");
        waitUntil(() -> ((Number) js.executeScript("return document.querySelector('audio').readyState")).intValue() >= 1,
                "the player to load the upload from S3");
        Number duration = (Number) js.executeScript("return document.querySelector('audio').duration");
        assertEquals(9.0, duration.doubleValue(), 0.1, "the player's length");
        screenshot("track-escaped");

        browser.get(url("/"));
        browser.findElement(By.linkText("Evening Raga.wav")).click();
        waitUntil(() -> !browser.findElements(By.id("verdict")).isEmpty(), "the second track's page");
        screenshot("track");

        browser.get(url("/?status=failed"));
        browser.findElement(By.linkText("cut short.wav")).click();
        String failure = browser.findElement(By.cssSelector("section.failure")).getText();
        assertTrue(failure.contains("The file could not be used as audio.") && failure.contains("What to do"), failure);
        screenshot("failed");

        browser.get(url("/models"));
        assertTrue(browser.findElements(By.cssSelector("svg.confusion")).size() >= 1);
        screenshot("models");
    }

    /** 8 s of a soft sustained tone, then 10 s of the beat: a track whose character changes half-way. */
    private static byte[] changingCharacter() {
        float[] calm = new float[8 * GeneratedAudio.RATE];
        for (int i = 0; i < calm.length; i++) {
            calm[i] = (float) (0.2 * Math.sin(2 * Math.PI * 220 * i / GeneratedAudio.RATE)
                    + 0.1 * Math.sin(2 * Math.PI * 330 * i / GeneratedAudio.RATE));
        }
        float[] busy = GeneratedAudio.music(10, GeneratedAudio.RATE, 22);
        float[] both = Arrays.copyOf(calm, calm.length + busy.length);
        System.arraycopy(busy, 0, both, calm.length, busy.length);
        return GeneratedAudio.wav(both, GeneratedAudio.RATE, 1);
    }

    private List<String> states() {
        return browser.findElements(By.cssSelector("#uploads li")).stream()
                .map(li -> String.valueOf(li.getDomAttribute("data-state") == null ? "" : li.getDomAttribute("data-state")))
                .toList();
    }

    private static String texts(List<WebElement> items) {
        return items.stream().map(WebElement::getText).toList().toString();
    }

    private void assertNoAlert() {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "a script from a file ran");
    }

    private void waitUntil(BooleanSupplier condition, String what) {
        new WebDriverWait(browser, TIMEOUT).withMessage("waiting for " + what)
                .pollingEvery(Duration.ofMillis(300)).until(driver -> condition.getAsBoolean());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(files.resolve(name), bytes);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + RestAssured.port + path;
    }

    /** The whole page: the window grows to the page's height first. */
    private void screenshot(String name) throws IOException {
        long height = ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(6000, height + 140)));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("dashboard-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
