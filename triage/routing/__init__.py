"""Routing: where a report goes. The pure rule over a prediction (rules), the service that classifies one
report, chooses its unit, starts its clocks and records every step (service), and the rq jobs that run it
(jobs). A report accusing the head of a body goes to the body above; it never reaches the accused body.
"""
