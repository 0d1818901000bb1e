"""Official documents: the numbered documents a unit issues on a đơn (thông báo thụ lý, không thụ lý, phiếu
chuyển đơn, phiếu hướng dẫn, trả lại đơn, phiếu đề xuất lưu đơn, rút đơn, quyết định tạm đình chỉ, đình chỉ,
gia hạn, văn bản trả lời, quyết định giải quyết khiếu nại, kết luận nội dung tố cáo).

The package owns their numbers (numbering: from 1 per issuing unit and year, atomic), their wording (texts:
the text of each kind from the report, the unit and what the step decided), their layout as an A4 PDF in the
administrative format with the fonts it embeds (pdf, fonts/), and issuing them and keeping the scan of the
signed copy (issue). The files themselves are kept by `core.document_files`, which the public status page
reads too. The services of the legal procedure decide when a document is issued; this package only makes it.
"""
