"""Reports for the leader: the periodic "Báo cáo tình hình thực hiện nhiệm vụ" (``build.py``) over
periods as offices count them (``periods.py``), agency scores (``scores.py``) and trends
(``trends.py``), written as Word (``docx_report.py``) and Excel (``xlsx_report.py``) files.

Beside the web and the command line (layer 5): it reads the store through SQL of its own
(``queries.py``) and the use cases of ``chidao.tracking``. The package itself imports nothing,
so importing the periods does not load the writers.
"""
