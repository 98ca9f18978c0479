package io.isolab.agent.pool;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.isolab.agent.web.ApiException;

/** The warm pool's size at runtime: workshops raise it before they start and lower it after. */
@RestController
public class PoolController {

    public record PoolState(long ready, int starting, int target) {
    }

    public record PoolTarget(Integer target) {
    }

    private final WarmPool pool;

    public PoolController(WarmPool pool) {
        this.pool = pool;
    }

    @GetMapping("/api/v1/pool")
    public PoolState state() {
        return new PoolState(pool.ready(), pool.starting(), pool.target());
    }

    @PutMapping("/api/v1/pool")
    public PoolState retarget(@RequestBody PoolTarget request) {
        if (request == null || request.target() == null || request.target() < 0) {
            throw ApiException.badRequest("Send {\"target\": n} with n >= 0.");
        }
        pool.retarget(request.target());
        return state();
    }
}
