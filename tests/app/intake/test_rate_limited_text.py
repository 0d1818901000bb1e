"""A citizen stopped by the rate limit keeps what they typed, on every public form: the report (elsewhere), the
status look-up and the answer to the inspector's question."""

ANSWER = "Tôi gửi bổ sung: giấy hẹn ghi ngày 12/11, cán bộ Trần Văn Bình ký nhận, có hai người làm chứng."


def test_a_rate_limited_look_up_keeps_the_code_and_passphrase(make_app, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, STATUS_RATE_LIMIT="1 per minute")
    client = app.test_client()
    answers = []
    for code in ("TH-AAAA-AAAA", "TH-7KMP-3XRA"):
        token = csrf_token(client.get("/tra-cuu"))
        answers.append(client.post("/tra-cuu", data={"csrf_token": token, "code": code, "passphrase": "ABCD-EFGH"}))
    assert answers[0].status_code == 403
    page = answers[1].get_data(as_text=True)
    assert answers[1].status_code == 429 and answers[1].headers["Retry-After"] == "60"
    assert "thử quá nhiều lần" in page and "Mã và mật mã bạn đã nhập vẫn còn dưới đây" in page
    assert 'value="TH-7KMP-3XRA"' in page and 'value="ABCD-EFGH"' in page
    assert csrf_token(answers[1])  # the form can be sent again as it is


def test_a_rate_limited_answer_keeps_its_text(make_app, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, STATUS_RATE_LIMIT="1 per minute")
    client = app.test_client()
    token = csrf_token(client.get("/tra-cuu"))
    fields = {"csrf_token": token, "code": "TH-7KMP-3XRA", "passphrase": "ABCD-EFGH", "answer": ANSWER}
    assert client.post("/tra-cuu/tra-loi", data=fields).status_code == 403  # wrong passphrase: told nothing
    limited = client.post("/tra-cuu/tra-loi", data=fields)
    page = limited.get_data(as_text=True)
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "60"
    assert "Câu trả lời bạn đã viết vẫn còn dưới đây" in page
    assert ANSWER in page  # in the answer's text area, ready to send again
    assert 'name="code"' in page and 'value="TH-7KMP-3XRA"' in page and 'action="/tra-cuu/tra-loi"' in page
