"""The SCORM 1.2 package of each unit: the offline copy's files, a launch page and imsmanifest.xml.

budget.py   what a unit's answers need of cmi.suspend_data (4,096 characters), for the check
package.py  the package's files and its zip, download/<unit id>-scorm12.zip
"""
