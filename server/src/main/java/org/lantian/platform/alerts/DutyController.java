package org.lantian.platform.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/alerts")
@Tag(name = "值班与指令", description = "The 24-hour duty roster, handovers, and the city office's instructions with receipts and replies")
class DutyController {

    private final Duty duty;
    private final Instructions instructions;

    DutyController(Duty duty, Instructions instructions) {
        this.duty = duty;
        this.instructions = instructions;
    }

    @GetMapping("/duty")
    @Operation(summary = "Shifts from..to (inclusive) the caller may see: every unit for citywide roles, the own unit and the city office's otherwise")
    List<Duty.Shift> roster(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return duty.roster(from, to);
    }

    record ShiftRequest(String person, String phone, String leader, String leaderPhone, String reason) {
    }

    @PutMapping("/duty/{unit}/{day}")
    @Operation(summary = "Set who is on duty (the unit itself, or the city office); unit: county code, department name, 130400")
    Duty.Shift set(@PathVariable String unit, @PathVariable LocalDate day, @RequestBody ShiftRequest r) {
        return duty.set(unit, day, r.person(), r.phone(), r.leader(), r.leaderPhone(), r.reason());
    }

    record HandoverRequest(String unit, String fromPerson, String toPerson, String note) {
    }

    @PostMapping("/handovers")
    @Operation(summary = "Record a duty handover")
    Duty.Handover handOver(@RequestBody HandoverRequest r) {
        return duty.handOver(r.unit(), r.fromPerson(), r.toPerson(), r.note());
    }

    @GetMapping("/handovers")
    List<Duty.Handover> handovers(@RequestParam(defaultValue = "50") int limit) {
        return duty.handovers(Math.max(1, Math.min(limit, 500)));
    }

    record InstructionRequest(String title, String body, List<String> units, Instant dueAt, String reason) {
    }

    @PostMapping("/instructions")
    @Operation(summary = "Issue an instruction to units (city office); their browsers are told at once")
    Instructions.Instruction issue(@RequestBody InstructionRequest r) {
        return instructions.issue(r.title(), r.body(), r.units(), r.dueAt(), r.reason());
    }

    @GetMapping("/instructions")
    List<Instructions.Instruction> instructions() {
        return instructions.list();
    }

    @GetMapping("/instructions/{id}")
    @Operation(summary = "One instruction; a target unit's user opening it records the unit's receipt")
    Instructions.Instruction open(@PathVariable long id) {
        return instructions.open(id);
    }

    @GetMapping("/instructions/{id}/receipts")
    List<Instructions.Receipt> receipts(@PathVariable long id) {
        return instructions.receipts(id);
    }

    record Reply(String reply) {
    }

    @PostMapping("/instructions/{id}/read")
    @io.swagger.v3.oas.annotations.Operation(summary = "Confirm that the caller's unit has read an instruction (the read receipt)")
    Instructions.Instruction acknowledge(@PathVariable long id) {
        return instructions.acknowledge(id);
    }

    @PostMapping("/instructions/{id}/reply")
    Instructions.Receipt reply(@PathVariable long id, @RequestBody Reply r) {
        return instructions.reply(id, r.reply());
    }
}
