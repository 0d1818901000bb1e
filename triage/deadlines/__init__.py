"""Deadlines and notifications: the working-day calendar (calendar, with admins' overrides in calendar_store),
the legal periods of each track as data (policy, reading data/deadline_policy.toml), a report's clocks
(clocks), when reminders fall due (reminders), what happens when a clock's time comes (sweep), the outbox of
notifications (outbox), their texts (messages) and delivery (mailer), the rq jobs (jobs), and the
supervisors' page of the outbox (views).
"""
