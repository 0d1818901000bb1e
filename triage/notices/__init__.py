"""Telling the reporter of each public step of their đơn, by e-mail and SMS, exactly once (docs/notifications.md).

`reporter` decides which events are notices and writes their outbox rows in the transaction of the event; `texts`
holds their Vietnamese words; `sms` sends the SMS rows.
"""
