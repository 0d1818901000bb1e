"""A right passphrase clears the wrong ones counted against a tracking code (the look-up reads the count once and
clears it only when there is one): a reporter who mistyped twice is not locked out by a third typo later."""

from tests_support import look_up


def test_a_right_passphrase_clears_the_count_of_wrong_ones(make_app, make_report, csrf_token):
    app = make_app(STATUS_MAX_FAILURES=3, STATUS_RATE_LIMIT="1000 per minute")
    receipt = make_report()
    client = app.test_client()

    def attempt(passphrase: str) -> int:
        return look_up(client, csrf_token, receipt.tracking_code, passphrase).status_code

    assert [attempt("ACDE-FHJK-MNPR-TUVW-XY3" + c) for c in "47"] == [403, 403]
    assert attempt(receipt.passphrase) == 200
    assert [attempt("ACDE-FHJK-MNPR-TUVW-XY4" + c) for c in "79"] == [403, 403]
    assert attempt(receipt.passphrase) == 200  # two more typos: still under the limit of three
    assert [attempt("ACDE-FHJK-MNPR-TUVW-XY7" + c) for c in "349"] == [403, 403, 403]
    assert attempt(receipt.passphrase) == 429  # three in a row lock the code
