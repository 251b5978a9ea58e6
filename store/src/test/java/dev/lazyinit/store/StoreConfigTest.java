package dev.lazyinit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The store's settings, in memory: a password given in the URL leaves the URL (so no message that names the URL
 * names the password), and settings HikariCP would refuse later, or silently change, are refused here with a clear
 * message. The store against a real server is tested in the conformance module (PostgresStoreTest, BadInputTest).
 *
 * <p>What a failure here means: a password that can reach a log line or a report through the URL, or a bad setting
 * that is only found when the pool starts.
 */
class StoreConfigTest {

    static final String SECRET = "s3cr%40t"; // "s3cr@t", URL-encoded

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db/app?password=s3cr%40t              | jdbc:postgresql://db/app",
            "jdbc:postgresql://db/app?password=s3cr%40t&ssl=true     | jdbc:postgresql://db/app?ssl=true",
            "jdbc:postgresql://db/app?ssl=true&password=s3cr%40t     | jdbc:postgresql://db/app?ssl=true",
            "jdbc:postgresql://db/app?ssl=true&PASSWORD=s3cr%40t&a=b | jdbc:postgresql://db/app?ssl=true&a=b"})
    void aPasswordInTheUrlLeavesTheUrlAndIsKept(String url, String withoutPassword) {
        StoreConfig config = StoreConfig.of(url, "app", null, "test");
        assertThat(config.jdbcUrl()).isEqualTo(withoutPassword);
        assertThat(config.password()).as("decoded, as the driver would").isEqualTo("s3cr@t");
        assertThat(config.toString()).doesNotContain("s3cr").contains("password set");
        assertThat(config.target()).doesNotContain("s3cr");
    }

    @Test
    void aPasswordGivenApartWinsOverTheUrlsAndTheUrlLosesItAnyway() {
        StoreConfig config = StoreConfig.of("jdbc:postgresql://db/app?password=" + SECRET, "app", "given", "test");
        assertThat(config.password()).isEqualTo("given");
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db/app");
    }

    @Test
    void theDriverSettingsCarryTheNameAndTheBoundsButNoCredentials() {
        StoreConfig config = StoreConfig.of("jdbc:postgresql://db/app", "app", "pw", "census-name")
                .withTimeouts(Duration.ofMillis(2500), Duration.ofSeconds(1));
        assertThat(config.driverProperties()).containsEntry("ApplicationName", "census-name")
                .containsEntry("connectTimeout", "2").containsEntry("loginTimeout", "2")
                .doesNotContainKeys("user", "password");
        assertThat(config.withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(1)).driverProperties())
                .as("under a second rounds up: 0 would mean no bound to the driver")
                .containsEntry("connectTimeout", "1");
    }

    @Test
    void settingsThePoolWouldRefuseLaterAreRefusedNow() {
        StoreConfig config = StoreConfig.of("jdbc:postgresql://db/app", "app", "pw", "test");
        assertThatThrownBy(() -> config.withPoolSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximumPoolSize must be at least 1, was 0");
        assertThatThrownBy(() -> config.withTimeouts(Duration.ofMillis(249), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("250 ms");
        assertThatThrownBy(() -> config.withJdbcUrl(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("jdbcUrl");
    }
}
