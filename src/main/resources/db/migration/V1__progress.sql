-- Anonymous learners (cookie isolab_learner) and their progress per lab step.
CREATE TABLE learners (
    id         VARCHAR(64) PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE step_progress (
    learner_id    VARCHAR(64)  NOT NULL REFERENCES learners (id),
    lab_id        VARCHAR(128) NOT NULL,
    step          INT          NOT NULL,
    attempts      INT          NOT NULL DEFAULT 0,
    failed_checks INT          NOT NULL DEFAULT 0,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (learner_id, lab_id, step)
);

CREATE INDEX step_progress_lab ON step_progress (lab_id);
