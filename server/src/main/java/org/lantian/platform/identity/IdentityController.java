package org.lantian.platform.identity;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "身份与审计", description = "Users, API tokens and the audit log")
class IdentityController {

    private final Users users;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final Actors actors;

    IdentityController(Users users, ApiTokens tokens, AuditLog audit, Actors actors) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.actors = actors;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user or token holder")
    Actor me() {
        return actors.current();
    }

    @GetMapping("/users")
    @Operation(summary = "Users visible to the caller (a county user sees its own county's)")
    List<User> users() {
        return users.visible();
    }

    record CreateUser(@NotBlank @Pattern(regexp = "^[a-z0-9_.-]{2,64}$") String username,
                      @NotBlank String displayName, @NotNull Role role, String countyCode,
                      String organisation, @NotBlank String password, String reason, String enterpriseCode) {
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (city office only)")
    User create(@Valid @RequestBody CreateUser request) {
        return users.create(new Users.NewUser(request.username(), request.displayName(), request.role(),
                request.countyCode(), request.organisation(), request.password(), request.enterpriseCode()), request.reason());
    }

    @PostMapping("/users/{username}/unlock")
    @Operation(summary = "Lift a lock-out (city office only)")
    void unlock(@PathVariable String username, @RequestParam(required = false) String reason) {
        users.unlock(username, reason);
    }

    record IssueToken(@NotBlank @jakarta.validation.constraints.Size(max = 200) String name,
                      @Positive @jakarta.validation.constraints.Max(3650) Long validDays) {
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API token acting as the caller; the token is shown only in this response")
    ApiTokens.IssuedToken issue(@Valid @RequestBody IssueToken request) {
        return tokens.issue(request.name(), request.validDays() == null ? null : Duration.ofDays(request.validDays()));
    }

    @GetMapping("/tokens")
    @Operation(summary = "The caller's API tokens (never the tokens themselves); all=true: every user's (city office)")
    List<ApiTokens.TokenInfo> tokens(@RequestParam(defaultValue = "false") boolean all) {
        return tokens.list(all);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API token: one's own, or any (city office)")
    void revoke(@PathVariable long id, @RequestParam(required = false) @jakarta.validation.constraints.Size(max = 500) String reason) {
        tokens.revoke(id, reason);
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
    }

    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change one's own password (at least 10 characters, not the user name, not a common password)")
    void changePassword(@Valid @RequestBody PasswordChange change) {
        users.changeOwnPassword(change.currentPassword(), change.newPassword());
    }

    @GetMapping("/audit")
    @Operation(summary = "Newest audit entries visible to the caller")
    List<AuditLog.AuditEntry> audit(@RequestParam(defaultValue = "100") int limit) {
        return audit.recent(limit);
    }
}
