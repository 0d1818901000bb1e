"""Administration: staff accounts, units, the working-day calendar and the deadline policy in force (views).
Admins only.
"""
