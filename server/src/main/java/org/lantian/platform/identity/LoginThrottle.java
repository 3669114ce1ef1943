package org.lantian.platform.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting anyone lock another person out. Wrong passwords are counted per
 * (source address, account): the {@code maxFailedLogins}-th within the lock-out time stops that address
 * from trying that account until it ends; the same person at another address, and every API token, keep
 * working. An address that fails ten times as often across accounts (password spraying) is stopped for
 * every account. Counts are kept in memory on every node (each tells the others over the cluster bus),
 * bounded, and forgotten when their time has passed: a restart
 * forgets them, which only gives a guesser back the few tries it had. Hand-written because it is a few
 * maps; a rate-limiting library would bring a cache and a dependency for the same.
 */
@Component
public class LoginThrottle {

    /** Most (address, account) pairs and addresses remembered; beyond it expired entries are dropped first. */
    static final int MAX_ENTRIES = 100_000;
    /** How many more failures an address may have across all accounts than for one account. */
    static final int SPRAY_FACTOR = 10;

    private record Key(String address, String username) {
    }

    /** Failures since {@code since}; blocked until {@code until} (null while not blocked). */
    private record Count(int failures, Instant since, Instant until) {
    }

    private final Map<Key, Count> pairs = new ConcurrentHashMap<>();
    private final Map<String, Count> addresses = new ConcurrentHashMap<>();
    private final IdentityProperties properties;
    private final Clock clock;

    static final String FAILED = "identity.login-failed";
    static final String SUCCEEDED = "identity.login-succeeded";
    static final String CLEARED = "identity.login-cleared";
    private final org.lantian.platform.cluster.ClusterBus bus;

    /** Every node counts every node's failures: a guesser gains nothing by spreading tries over the nodes. */
    LoginThrottle(IdentityProperties properties, Clock clock, org.lantian.platform.cluster.ClusterBus bus) {
        this.properties = properties;
        this.clock = clock;
        this.bus = bus;
        bus.subscribe(FAILED, body -> count(before(body), after(body)));
        bus.subscribe(SUCCEEDED, body -> pairs.remove(key(before(body), after(body))));
        bus.subscribe(CLEARED, this::forget);
    }

    private static String before(String body) {
        return body.substring(0, body.indexOf('\t'));
    }

    private static String after(String body) {
        return body.substring(body.indexOf('\t') + 1);
    }

    /** What the other nodes are told: the address and the account as counted (tabs cannot be in either). */
    private static String message(String address, String username) {
        return address(address).replace('\t', ' ') + '\t' + normalise(username).replace('\t', ' ');
    }

    /** Whether a sign-in from {@code address} as {@code username} is refused without checking the password. */
    public boolean blocked(String address, String username) {
        Instant now = clock.instant();
        return isBlocked(pairs.get(key(address, username)), now) || isBlocked(addresses.get(address(address)), now);
    }

    void failed(String address, String username) {
        count(address, username);
        bus.publish(FAILED, message(address, username));
    }

    private void count(String address, String username) {
        Instant now = clock.instant();
        prune(now);
        pairs.compute(key(address, username), (k, c) -> count(c, now, properties.maxFailedLogins()));
        addresses.compute(address(address), (k, c) -> count(c, now, properties.maxFailedLogins() * SPRAY_FACTOR));
    }

    void succeeded(String address, String username) {
        if (pairs.remove(key(address, username)) != null) {
            bus.publish(SUCCEEDED, message(address, username));
        }
    }

    /** Forgets every count of an account (the city office's unlock), on every node. */
    void clear(String username) {
        forget(normalise(username));
        bus.publish(CLEARED, normalise(username));
    }

    private void forget(String name) {
        pairs.keySet().removeIf(k -> k.username().equals(name));
    }

    private Count count(Count c, Instant now, int max) {
        Duration window = properties.lockout();
        Count current = c == null || c.since().plus(window).isBefore(now) && (c.until() == null || !c.until().isAfter(now))
                ? new Count(0, now, null) : c;
        int failures = current.failures() + 1;
        return new Count(failures, current.since(), failures >= max ? now.plus(window) : current.until());
    }

    private static boolean isBlocked(Count c, Instant now) {
        return c != null && c.until() != null && c.until().isAfter(now);
    }

    private void prune(Instant now) {
        if (pairs.size() < MAX_ENTRIES && addresses.size() < MAX_ENTRIES) {
            return;
        }
        Instant old = now.minus(properties.lockout());
        pairs.values().removeIf(c -> c.since().isBefore(old) && !isBlocked(c, now));
        addresses.values().removeIf(c -> c.since().isBefore(old) && !isBlocked(c, now));
        if (pairs.size() >= MAX_ENTRIES) {
            pairs.clear();   // a flood of made-up names: forget them rather than grow without bound
        }
        if (addresses.size() >= MAX_ENTRIES) {
            addresses.clear();
        }
    }

    private static Key key(String address, String username) {
        return new Key(address(address), normalise(username));
    }

    private static String address(String address) {
        return address == null ? "" : address;
    }

    private static String normalise(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
