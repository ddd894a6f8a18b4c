package ccc.client;

import java.time.Duration;

/** Timeouts and retry bounds shared by every API client. */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, int maxAttempts,
                           Duration initialBackoff, Duration maxBackoff) {

    /** The defaults with ccc.yaml's connect and read timeouts. */
    public static HttpSettings withTimeouts(int connectSeconds, int readSeconds) {
        return new HttpSettings(Duration.ofSeconds(connectSeconds), Duration.ofSeconds(readSeconds), DEFAULT.maxAttempts(),
                DEFAULT.initialBackoff(), DEFAULT.maxBackoff());
    }

    public static final HttpSettings DEFAULT = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 6,
            Duration.ofMillis(500), Duration.ofSeconds(30));
}
