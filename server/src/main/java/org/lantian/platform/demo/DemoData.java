package org.lantian.platform.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.lantian.platform.airquality.AirQualityTargets;
import org.lantian.platform.geo.Division;
import org.lantian.platform.geo.Divisions;
import org.lantian.platform.geo.LonLat;
import org.lantian.platform.identity.Actors;
import org.lantian.platform.identity.Role;
import org.lantian.platform.identity.Users;
import org.lantian.platform.monitoring.Averaging;
import org.lantian.platform.monitoring.IngestReport;
import org.lantian.platform.monitoring.Ingestion;
import org.lantian.platform.monitoring.Observation;
import org.lantian.platform.monitoring.StationClass;
import org.lantian.platform.monitoring.Stations;
import org.lantian.standards.Pollutant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a first start (no users yet) with demo data enabled: demo accounts for each kind of user, a county
 * and a township station in each of the 20 county-level units, and simulated hourly data for every
 * Handan station. Demo stations are marked demo; simulated values come in batches labelled
 * {@code demo-simulator}.
 */
@Component
@Order(20)
class DemoData implements ApplicationRunner {

    static final String SOURCE = "demo-simulator";
    /** The demo air's seed: the initial load and the live feed draw the same hours from it. */
    static final long SEED = 20230428L;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Demo accounts: username, display name, role, county. */
    static final List<Users.NewUser> ACCOUNTS = List.of(
            account("city", "市大气办（演示）", Role.CITY_OFFICE, null, "市大气办"),
            account("sthjj", "市生态环境局（演示）", Role.DEPARTMENT, null, "市生态环境局"),
            account("congtai", "丛台区（演示）", Role.COUNTY, "130403", "丛台区人民政府"),
            account("hanshan", "邯山区（演示）", Role.COUNTY, "130402", "邯山区人民政府"),
            account("wuan", "武安市（演示）", Role.COUNTY, "130481", "武安市人民政府"),
            account("viewer", "只读用户（演示）", Role.VIEWER, null, "市大气办"));

    /** Positions for the two management zones, which have no boundary: inside the districts they overlap. */
    private static final Map<String, LonLat> ZONE_POSITIONS = Map.of(
            "130473", new LonLat(114.4550, 36.5220),
            "130471", new LonLat(114.5650, 36.6550));

    private final DemoProperties properties;
    private final Users users;
    private final Stations stations;
    private final Ingestion ingestion;
    private final Divisions divisions;
    private final Actors actors;
    private final AirQualityTargets targets;
    private final org.lantian.platform.airquality.NationalNetwork network;
    private final org.lantian.platform.gateway.Devices devices;
    private final org.lantian.platform.gateway.GatewayServer gateway;
    private final org.lantian.platform.alerts.Tickets tickets;
    private final org.lantian.platform.alerts.Duty duty;
    private final org.lantian.platform.alerts.Instructions instructions;
    private final Clock clock;
    private final DemoLoading loading;
    private final org.lantian.platform.enterprises.Enterprises enterprises;
    private final org.lantian.platform.enterprises.Grades grades;
    private final org.lantian.platform.enterprises.Facilities facilities;
    private final org.lantian.platform.emergency.Measures measures;
    private final DemoEpisode episode;
    private final org.lantian.platform.neighbours.Neighbours neighbours;

    DemoData(DemoProperties properties, Users users, Stations stations, Ingestion ingestion, Divisions divisions,
             Actors actors, AirQualityTargets targets, org.lantian.platform.airquality.NationalNetwork network,
             org.lantian.platform.gateway.Devices devices, org.lantian.platform.gateway.GatewayServer gateway,
             org.lantian.platform.alerts.Tickets tickets, org.lantian.platform.alerts.Duty duty,
             org.lantian.platform.alerts.Instructions instructions, Clock clock, DemoLoading loading,
             org.lantian.platform.enterprises.Enterprises enterprises, org.lantian.platform.enterprises.Grades grades,
             org.lantian.platform.enterprises.Facilities facilities, org.lantian.platform.emergency.Measures measures,
             DemoEpisode episode, org.lantian.platform.neighbours.Neighbours neighbours) {
        this.neighbours = neighbours;
        this.measures = measures;
        this.episode = episode;
        this.facilities = facilities;
        this.loading = loading;
        this.enterprises = enterprises;
        this.grades = grades;
        this.tickets = tickets;
        this.duty = duty;
        this.instructions = instructions;
        this.properties = properties;
        this.users = users;
        this.stations = stations;
        this.ingestion = ingestion;
        this.divisions = divisions;
        this.actors = actors;
        this.targets = targets;
        this.network = network;
        this.devices = devices;
        this.gateway = gateway;
        this.clock = clock;
    }

    private static Users.NewUser account(String username, String name, Role role, String county, String organisation) {
        return new Users.NewUser(username, name, role, county, organisation, null);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        actors.asSystem(() -> {
            if (users.isEmpty()) {
                loading.during(this::load);
            }
            if (users.findVisible("city").isPresent()) {
                log.info("Demo accounts (password '{}'): {}", properties.password(),
                        ACCOUNTS.stream().map(a -> a.username() + " = " + a.displayName()).toList());
            }
        });
    }

    private void load() {
        log.info("Loading the demo: {} days of simulated air for every station, the 168 key cities and two HJ 212 devices "
                + "(first start only, about half a minute)", properties.days());
        long started = System.nanoTime();
        for (Users.NewUser a : ACCOUNTS) {
            users.create(new Users.NewUser(a.username(), a.displayName(), a.role(), a.countyCode(), a.organisation(),
                    properties.password()), "demo data");
        }
        List<String> national = stations.list(java.time.LocalDate.now(clock)).stream()
                .filter(s -> Stations.HANDAN.equals(s.city())).map(s -> s.code()).toList();
        stations.markSimulated(national, "演示环境：国控点的数据由模拟器生成");
        List<String> codes = new ArrayList<>(national);
        for (Division unit : divisions.countyLevelUnits()) {
            codes.addAll(registerDemoStations(unit));
        }
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(Duration.ofDays(properties.days()));
        long t0 = System.nanoTime();
        IngestReport report = simulate(codes, from, to);
        long t1 = System.nanoTime();
        Map<String, List<String>> simulated = new java.util.HashMap<>();
        network.firstCountedStations().forEach((city, station) -> simulated.put(city, List.of(station)));
        network.stationsOf(neighbours.list().stream().map(n -> n.city()).toList()).stream().filter(s -> s.counted())
                .forEach(s -> simulated.merge(s.city(), List.of(s.code()), (a, b) -> a.contains(b.get(0)) ? a
                        : java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        int keyCityHours = DemoKeyCities.load(network, simulated, from, to);
        long t2 = System.nanoTime();
        DemoDevices.register(devices);
        int devicePackets;
        try {
            java.time.LocalDateTime last = DemoDevices.lastCompleteHour(clock);
            devicePackets = DemoDevices.send(gateway, last.minusDays(Math.min(3, properties.days())), last);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("demo devices could not reach the gateway", e);
        }
        long t3 = System.nanoTime();
        int enterpriseCount = DemoEnterprises.load(enterprises, grades, facilities, divisions, ZONE_POSITIONS,
                java.time.LocalDate.now(clock));
        var generated = measures.generate(false, "演示：按模板生成各企业应急减排措施");
        int episodeTickets = episode.load();
        long t4 = System.nanoTime();
        DemoAlerts.load(tickets, duty, instructions, divisions, clock);
        targets.set(new AirQualityTargets.Targets(java.time.LocalDate.now(clock).getYear(), Divisions.CITY_CODE,
                new BigDecimal("45"), new BigDecimal("5.50"), new BigDecimal("60.0"), 12), "演示目标（非真实目标）");
        log.info("Demo data: {} accounts, {} stations, {} simulated hourly values ({} ms), {} station-hours of the 168 key cities "
                        + "({} ms), {} HJ 212 packets, {} enterprises with {} emergency measures ({} ms, of which measures {} ms), a past warning "
                        + "with {} breach tickets; {} days in {} ms",
                ACCOUNTS.size(), codes.size(), report.inserted(), (t1 - t0) / 1_000_000, keyCityHours, (t2 - t1) / 1_000_000,
                devicePackets, enterpriseCount, generated.measures(), (t4 - t3) / 1_000_000, generated.millis(), episodeTickets, properties.days(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Simulated hours in monthly batches, as a data feed would bring them; one batch for a long span would hold it all in memory. */
    IngestReport simulate(List<String> codes, Instant from, Instant to) {
        AirSimulator simulator = new AirSimulator(SEED);
        double[] factors = codes.stream().mapToDouble(simulator::stationFactor).toArray();
        long inserted = 0;
        IngestReport last = null;
        for (Instant start = from; start.isBefore(to); start = start.plus(Duration.ofDays(31))) {
            Instant end = start.plus(Duration.ofDays(31)).isBefore(to) ? start.plus(Duration.ofDays(31)) : to;
            Instant windowStart = start;
            last = ingestion.ingest(new Ingestion.Submission(SOURCE, "simulated", null), sink -> {
                long[] line = {0};
                simulator.simulate(codes, factors, windowStart, end, v -> sink.accept(++line[0], new Observation(v.station(),
                        v.pollutant(), Averaging.HOUR, v.periodEnd(), v.value(), Observation.NORMAL)));
            });
            inserted += last.inserted();
        }
        return new IngestReport(last.batchId(), inserted, inserted, 0, 0, 0, List.of(), false, List.of(), List.of());
    }

    private List<String> registerDemoStations(Division unit) {
        boolean zone = unit.kind() == Division.Kind.MANAGEMENT_ZONE;
        LonLat centre = zone ? ZONE_POSITIONS.get(unit.code()) : divisions.interiorPoint(unit.code()).orElseThrow();
        LonLat township = new LonLat(centre.lon() + 0.03, centre.lat() - 0.02);
        if (!zone && divisions.locate(township.lon(), township.lat()).map(d -> !d.code().equals(unit.code())).orElse(true)) {
            township = new LonLat(centre.lon() + 0.005, centre.lat() + 0.005);
        }
        String county = "D" + unit.code() + "C";
        register(county, unit.shortName() + "县控站（演示）", StationClass.COUNTY, unit, zone, centre);
        List<String> codes = new ArrayList<>(List.of(county));
        for (int n = 1; n <= properties.townshipsPerUnit(); n++) {
            String town = "D" + unit.code() + "T" + n;
            LonLat at = new LonLat(township.lon() + 0.004 * (n - 1), township.lat() + 0.003 * (n - 1));
            register(town, unit.shortName() + "乡镇站" + n + "（演示）", StationClass.TOWNSHIP, unit, zone, at);
            codes.add(town);
        }
        return codes;
    }

    private void register(String code, String name, StationClass stationClass, Division unit, boolean zone, LonLat at) {
        stations.register(new Stations.Registration(code, name, Stations.HANDAN,
                Arrays.stream(Pollutant.values()).map(Pollutant::code).toList(), true, stationClass,
                zone ? null : unit.code(), zone ? unit.code() : null, decimal(at.lon()), decimal(at.lat()), false,
                null, "演示站点（模拟数据）"), "demo data");
    }

    private static BigDecimal decimal(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(5, RoundingMode.HALF_EVEN);
    }
}
