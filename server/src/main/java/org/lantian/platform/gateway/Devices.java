package org.lantian.platform.gateway;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.AuditLog;
import org.lantian.platform.identity.Scope;
import org.lantian.platform.monitoring.NotFound;
import org.lantian.standards.hj212.Hj212Packet;
import org.lantian.standards.hj212.Tolerance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The device registry. The gateway authenticates every packet against it, so it keeps all devices in
 * memory (a city has thousands, not millions) and refreshes that copy on every change. Passwords are
 * salted SHA-256, not bcrypt: devices send their PW in every packet, thousands a second. Reads are limited
 * to the actor's county scope; changes are the city office's and audited.
 */
@Service
public class Devices {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Registered> byMn = new ConcurrentHashMap<>();
    /** The PW each device last authenticated with: commands to it must carry it, and only its hash is stored. */
    private final Map<String, String> lastPasswords = new ConcurrentHashMap<>();

    /**
     * A device as the gateway checks it: its registry entry, its password's hash, since when it is registered,
     * and the PW last found to match (a new entry is made when the registry changes).
     */
    record Registered(Device device, String salt, String hash, Instant registeredAt, AtomicReference<byte[]> matched) {

        Registered(Device device, String salt, String hash, Instant registeredAt) {
            this(device, salt, hash, registeredAt, new AtomicReference<>());
        }

        /** A PW already proven is compared as it is (in constant time), not hashed again for every packet. */
        boolean passwordMatches(String pw) {
            byte[] given = (pw == null ? "" : pw).getBytes(StandardCharsets.UTF_8);
            byte[] known = matched.get();
            if (known != null && MessageDigest.isEqual(given, known)) {
                return true;
            }
            boolean matches = MessageDigest.isEqual(Devices.hash(salt, pw == null ? "" : pw).getBytes(StandardCharsets.US_ASCII),
                    hash.getBytes(StandardCharsets.US_ASCII));
            if (matches) {
                matched.set(given);
            }
            return matches;
        }
    }

    static final String TOPIC = "gateway.device";
    private final org.lantian.platform.cluster.ClusterBus bus;

    /** A device registered or changed on another node is read again here once that node commits. */
    Devices(JdbcClient jdbc, Actors actors, AuditLog audit, Clock clock, org.lantian.platform.cluster.ClusterBus bus) {
        this.bus = bus;
        bus.subscribe(TOPIC, mn -> load(mn).ifPresentOrElse(r -> byMn.put(mn, r), () -> byMn.remove(mn)));
        bus.onResync(this::loadAll);
        this.jdbc = jdbc;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** A device as the city office registers or changes it; {@code password} null keeps the current one. */
    public record Registration(String mn, String name, DeviceKind kind, Hj212Packet.Version protocol, String st, String password,
                               String countyCode, String stationCode, String boundTo, Set<Tolerance> tolerances,
                               Map<String, String> units, Map<String, BigDecimal> limits, BigDecimal referenceO2,
                               Integer offlineAfterMinutes, Boolean enabled) {
    }

    /** Registers a new device or changes one (city office), audited. */
    @Transactional
    public Device save(Registration r, String reason) {
        if (!actors.current().isCityOffice()) {
            throw new AccessDenied(actors.current().username() + " 无权修改设备名录");
        }
        validate(r);
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM gateway_device WHERE mn = ?)").param(r.mn()).query(Boolean.class).single();
        if (!exists && (r.password() == null || r.password().isEmpty())) {
            throw new IllegalArgumentException("password：新设备需要填写其上报的访问密码（PW）");
        }
        String salt = null;
        String hash = null;
        if (r.password() != null && !r.password().isEmpty()) {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            salt = HexFormat.of().formatHex(bytes);
            hash = hash(salt, r.password());
        }
        String[] tolerances = (r.tolerances() == null ? Set.<Tolerance>of() : r.tolerances()).stream().map(Enum::name).sorted().toArray(String[]::new);
        String units = JSON.writeValueAsString(r.units() == null ? Map.of() : r.units());
        String limits = JSON.writeValueAsString(r.limits() == null ? Map.of() : r.limits());
        int offline = r.offlineAfterMinutes() == null ? 120 : r.offlineAfterMinutes();
        boolean enabled = r.enabled() == null || r.enabled();
        if (exists) {
            jdbc.sql("""
                            UPDATE gateway_device SET name = ?, kind = ?, protocol = ?, st = ?, county_code = ?, station_code = ?,
                                   bound_to = ?, tolerances = ?, units = ?::jsonb, limits = ?::jsonb, reference_o2 = ?, offline_after_minutes = ?,
                                   enabled = ?, password_salt = coalesce(?, password_salt), password_hash = coalesce(?, password_hash)
                             WHERE mn = ?""")
                    .params(r.name(), r.kind().name(), r.protocol().name(), r.st(), r.countyCode(), r.stationCode(), r.boundTo(),
                            tolerances, units, limits, r.referenceO2(), offline, enabled, salt, hash, r.mn()).update();
        } else {
            jdbc.sql("""
                            INSERT INTO gateway_device (mn, name, kind, protocol, st, password_salt, password_hash, county_code,
                                   station_code, bound_to, tolerances, units, limits, reference_o2, offline_after_minutes, enabled, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)""")
                    .params(r.mn(), r.name(), r.kind().name(), r.protocol().name(), r.st(), salt, hash, r.countyCode(),
                            r.stationCode(), r.boundTo(), tolerances, units, limits, r.referenceO2(), offline, enabled,
                            Timestamp.from(clock.instant()))
                    .update();
        }
        audit.record(exists ? "gateway.device.changed" : "gateway.device.registered", "device", r.mn(), r.countyCode(), reason,
                Map.of("kind", r.kind().name(), "tolerances", String.join(",", tolerances), "passwordChanged", salt != null));
        Registered saved = load(r.mn()).orElseThrow();
        byMn.put(r.mn(), saved);
        bus.publish(TOPIC, r.mn());
        return saved.device();
    }

    private static void validate(Registration r) {
        if (r.mn() == null || !r.mn().matches("[A-Za-z0-9_.-]{1,32}")) {
            throw new IllegalArgumentException("mn：应为 1–32 位字母、数字、“_”“.”或“-”");
        }
        if (r.name() == null || r.name().isBlank()) {
            throw new IllegalArgumentException("name：必填");
        }
        if (r.kind() == null || r.protocol() == null || r.protocol() == Hj212Packet.Version.UNKNOWN) {
            throw new IllegalArgumentException("kind、protocol（V2005、V2017、V2025）：必填");
        }
        if (r.st() == null || !r.st().matches("[0-9A-Z]{2,3}")) {
            throw new IllegalArgumentException("st：必填，设备上报的系统编码，如 31 或 22");
        }
        if (r.units() != null) {
            r.units().forEach((factor, unit) -> {
                if (!Units.isKnown(unit)) {
                    throw new IllegalArgumentException("units." + factor + "：" + unit + " 不是 µg/m3、mg/m3 或 ng/m3");
                }
            });
        }
        if (r.referenceO2() != null && (r.referenceO2().signum() < 0 || r.referenceO2().compareTo(BigDecimal.valueOf(21)) >= 0)) {
            throw new IllegalArgumentException("referenceO2：基准氧含量应为 0 至 21 之间（不含 21）的百分数");
        }
        if (r.kind() == DeviceKind.AMBIENT && (r.stationCode() == null || r.stationCode().isBlank())) {
            throw new IllegalArgumentException("stationCode：空气站设备需要指定其对应的监测站点");
        }
    }

    /** The device for a packet's MN, from memory (the gateway's hot path). */
    Optional<Registered> forPacket(String mn) {
        return Optional.ofNullable(byMn.get(mn));
    }

    /** Notes the PW a device authenticated with, for the commands sent back to it. */
    void authenticated(String mn, String pw) {
        lastPasswords.put(mn, pw == null ? "" : pw);
    }

    /** The PW the device last authenticated with (empty before its first packet since start). */
    String lastPassword(String mn) {
        return lastPasswords.getOrDefault(mn, "");
    }

    /** Loads the registry into memory (on start). */
    void loadAll() {
        jdbc.sql("SELECT * FROM gateway_device").query(Devices::map).list().forEach(r -> byMn.put(r.device().mn(), r));
    }

    /** Devices within the actor's scope, by MN. */
    public List<Device> list() {
        Scope scope = actors.current().scope();
        return jdbc.sql("SELECT * FROM gateway_device WHERE (:citywide OR county_code = ANY(:counties)) ORDER BY mn")
                .param("citywide", scope.citywide()).param("counties", scope.countyArray())
                .query(Devices::map).list().stream().map(Registered::device).toList();
    }

    /**
     * @throws NotFound when the device does not exist or lies outside the actor's scope
     */
    public Device find(String mn) {
        Scope scope = actors.current().scope();
        return load(mn).map(Registered::device).filter(d -> scope.covers(d.countyCode()))
                .orElseThrow(() -> new NotFound("设备 " + mn));
    }

    private Optional<Registered> load(String mn) {
        return jdbc.sql("SELECT * FROM gateway_device WHERE mn = ?").param(mn).query(Devices::map).optional();
    }

    private static Registered map(ResultSet rs, int row) throws SQLException {
        Set<Tolerance> tolerances = EnumSet.noneOf(Tolerance.class);
        Arrays.stream((String[]) rs.getArray("tolerances").getArray()).forEach(t -> tolerances.add(Tolerance.valueOf(t)));
        Map<String, String> units = JSON.readValue(rs.getString("units"), new TypeReference<LinkedHashMap<String, String>>() {
        });
        Map<String, BigDecimal> limits = JSON.readValue(rs.getString("limits"), new TypeReference<LinkedHashMap<String, BigDecimal>>() {
        });
        Device device = new Device(rs.getString("mn"), rs.getString("name"), DeviceKind.valueOf(rs.getString("kind")),
                Hj212Packet.Version.valueOf(rs.getString("protocol")), rs.getString("st"), rs.getString("county_code"),
                rs.getString("station_code"), rs.getString("bound_to"), Set.copyOf(tolerances), Map.copyOf(units), Map.copyOf(limits),
                rs.getBigDecimal("reference_o2"), Duration.ofMinutes(rs.getInt("offline_after_minutes")), rs.getBoolean("enabled"));
        return new Registered(device, rs.getString("password_salt"), rs.getString("password_hash"),
                rs.getTimestamp("created_at").toInstant());
    }

    static String hash(String salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
